package jp.mamori.remediation;

import java.util.List;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.remediation.mitigation.MitigationStatus;

/**
 * The top of a finding, the same for the web page, {@code findings show} and the API: its state, the
 * deadline in force with why, and what to do next.
 */
public record FindingSummary(FindingState state, DeadlineReason deadline, NextAction next, int openMitigationItems) {

    /**
     * @param row         the finding as lists show it
     * @param evidence    its stored evidence JSON
     * @param current     the decision in force, or null
     * @param mitigations its mitigation items
     */
    public static FindingSummary of(FindingRow row, String evidence, StoredDecision current, List<Mitigation> mitigations) {
        FindingState state = FindingState.fromKey(row.state());
        DeadlineReason reason = DeadlineReason.of(row, evidence, current);
        int open = (int) mitigations.stream().filter(m -> m.status() == MitigationStatus.TODO || m.status() == MitigationStatus.DOING).count();
        return new FindingSummary(state, reason, NextAction.of(state, row.due(), open, current == null ? null : current.until()), open);
    }
}
