package jp.mamori.remediation;

/**
 * What recording one decision did. {@code pendingApproval}: the id of the acceptance request when a
 * risk acceptance waits for the named security officer (nothing decided yet: {@code decisionId} 0,
 * the state unchanged), else null.
 */
public record DecisionResult(long decisionId, long findingId, FindingState from, FindingState to, int mitigationsAdded, Long pendingApproval) {

    public DecisionResult(long decisionId, long findingId, FindingState from, FindingState to, int mitigationsAdded) {
        this(decisionId, findingId, from, to, mitigationsAdded, null);
    }

    public boolean pending() {
        return pendingApproval != null;
    }
}
