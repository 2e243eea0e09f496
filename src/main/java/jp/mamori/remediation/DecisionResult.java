package jp.mamori.remediation;

/** What recording one decision did. */
public record DecisionResult(long decisionId, long findingId, FindingState from, FindingState to, int mitigationsAdded) { }
