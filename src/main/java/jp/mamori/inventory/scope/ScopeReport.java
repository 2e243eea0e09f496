package jp.mamori.inventory.scope;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link SbomScopeCheck#check}.
 *
 * @param required the tier the system's risk asks for
 * @param achieved the highest tier whose criteria (cumulative) are all met; empty when not even MINIMAL
 * @param criteria every criterion of every tier, in tier order, so the user sees what the next tier lacks
 */
public record ScopeReport(Tier required, Optional<Tier> achieved, List<CriterionResult> criteria) {
    public ScopeReport {
        criteria = List.copyOf(criteria);
    }

    public boolean meetsRequired() {
        return achieved.isPresent() && achieved.get().compareTo(required) >= 0;
    }

    /** The criteria of the required tier (and below) that are not met: what to ask the vendor for. */
    public List<CriterionResult> gaps() {
        return criteria.stream().filter(r -> !r.met() && r.tier().compareTo(required) <= 0).toList();
    }
}
