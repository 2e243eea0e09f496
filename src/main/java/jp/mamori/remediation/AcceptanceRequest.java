package jp.mamori.remediation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A risk acceptance that names a security officer other than the person who recorded it: pending
 * until that officer approves it (issue 18.5). Approval stores the decision, attributed to the
 * requester and approved by the approver, as the approver's own action.
 */
public record AcceptanceRequest(long id, long organizationId, long findingId, String requestedBy, String approver, String reason,
                                LocalDate until, List<String> evidenceLinks, Instant requestedAt, String state, Instant approvedAt,
                                Long decisionId) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";

    public boolean pending() {
        return PENDING.equals(state);
    }

    /** The decision that approval records. */
    public Decision decision() {
        return new Decision(DecisionAction.ACCEPT, reason, requestedBy, approver, until, evidenceLinks, null);
    }
}
