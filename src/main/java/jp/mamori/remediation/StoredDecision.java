package jp.mamori.remediation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded decision. {@code supersededAt} is null for the decision in force; a later decision,
 * an expiry or a changed match supersedes it, and the reason says which.
 */
public record StoredDecision(long id, long organizationId, long findingId, long assetId, String componentIdentity, String vulnId,
                             DecisionAction action, FindingState fromState, FindingState toState, String reason,
                             String justification, String actor, String approver, Instant decidedAt, LocalDate until,
                             List<String> evidenceLinks, String componentVersion, String matchCriterion,
                             Instant supersededAt, String supersededReason) {

    public StoredDecision {
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
    }

    public boolean current() {
        return supersededAt == null;
    }
}
