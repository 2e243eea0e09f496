package jp.mamori.remediation;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's decision about a finding, as handed to {@link FindingWorkflow#decide}.
 *
 * @param action        what is decided
 * @param reason        why (always required: an auditor reads it years later)
 * @param actor         who records it (the signed-in user)
 * @param approver      who approves it; a risk acceptance needs a security officer
 * @param until         patch-by date, mitigation review date or end of a risk acceptance (Asia/Tokyo)
 * @param evidenceLinks vendor bulletins, tickets, change records
 * @param justification for not-affected: the VEX justification
 */
public record Decision(DecisionAction action, String reason, String actor, String approver, LocalDate until,
                       List<String> evidenceLinks, VexJustification justification) {

    public Decision {
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
    }

    public static Decision of(DecisionAction action, String reason, String actor) {
        return new Decision(action, reason, actor, null, null, List.of(), null);
    }

    public Decision withUntil(LocalDate date) {
        return new Decision(action, reason, actor, approver, date, evidenceLinks, justification);
    }

    public Decision withApprover(String user) {
        return new Decision(action, reason, actor, user, until, evidenceLinks, justification);
    }

    public Decision withJustification(VexJustification j) {
        return new Decision(action, reason, actor, approver, until, evidenceLinks, j);
    }

    public Decision withEvidence(List<String> links) {
        return new Decision(action, reason, actor, approver, until, links, justification);
    }
}
