package jp.mamori.remediation.schedule;

import java.time.LocalDate;
import jp.mamori.remediation.FindingState;

/**
 * The date a finding is held to. Open findings: the triage deadline. A finding with a patch or
 * mitigation planned: the date the person committed to (patch by / review by), since that decision
 * is what the organisation now answers for.
 */
public final class Deadlines {
    private Deadlines() { }

    public static LocalDate effective(FindingState state, LocalDate triageDue, LocalDate decisionUntil) {
        if ((state == FindingState.PATCH_SCHEDULED || state == FindingState.MITIGATED) && decisionUntil != null) return decisionUntil;
        return triageDue;
    }

    /** States whose deadline is watched. */
    public static boolean watched(FindingState state) {
        return state == FindingState.NEW || state == FindingState.TRIAGED || state == FindingState.PATCH_SCHEDULED
                || state == FindingState.MITIGATED;
    }
}
