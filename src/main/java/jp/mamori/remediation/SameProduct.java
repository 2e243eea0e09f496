package jp.mamori.remediation;

import java.util.List;

/** Findings of the same vulnerability on the same product elsewhere in the organisation. */
public final class SameProduct {
    private SameProduct() { }

    /** One finding a same-product decision would touch; {@code allowed} is false when its state does not permit the action. */
    public record Candidate(long findingId, String assetCode, String assetName, String componentName, String componentVersion,
                            FindingState state, boolean allowed) { }

    /**
     * @param candidates every finding concerned, the chosen one first
     * @param applied    false for the dry run (nothing was stored)
     * @param results    one per finding decided
     */
    public record Result(List<Candidate> candidates, boolean applied, List<DecisionResult> results) { }
}
