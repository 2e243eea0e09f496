package jp.mamori.inventory.scope;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.DependencyEdge;
import jp.mamori.inventory.sbom.SbomDocument;

/**
 * Is an SBOM complete enough for the system it describes? SPEC §1: SBOMs are requested from vendors
 * "scoped by the system's risk" — the more sensitive the system, the more the SBOM must let Mamori (and
 * the municipality) check, so the required {@link Tier} follows the system's confidentiality class.
 */
public final class SbomScopeCheck {
    /** How many example names a criterion lists: enough to show the vendor what is meant, short enough to read. */
    public static final int EXAMPLES = 5;

    private SbomScopeCheck() { }

    /**
     * The tier a system's confidentiality class (機密性, as in the 総務省 security policy guideline for
     * local governments) calls for.
     * <ul>
     *   <li>3A, 3B → FULL: the system holds personal or otherwise highly sensitive information (e.g. in the
     *   マイナンバー利用事務系); a missed component or a swapped binary there is a breach of the people's data,
     *   so hashes, licences and the dependency graph are required to verify and trace what shipped.</li>
     *   <li>3C, 2 → STANDARD: information that must not leak but whose leak is limited; every component
     *   must still be matchable against advisories (version plus purl or CPE).</li>
     *   <li>1 → MINIMAL: public information; knowing the top-level components, their versions and
     *   suppliers is enough to act on a vendor's advisory.</li>
     * </ul>
     * Full-width input ("３Ａ") is accepted since it is what Japanese forms often contain.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Tier requiredFor(String confidentiality) {
        String c = confidentiality == null ? ""
                : Normalizer.normalize(confidentiality, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "3A", "3B" -> Tier.FULL;
            case "3C", "2" -> Tier.STANDARD;
            case "1" -> Tier.MINIMAL;
            default -> throw new IllegalArgumentException("confidentiality class must be 3A, 3B, 3C, 2 or 1, not '"
                    + confidentiality + "'");
        };
    }

    public static ScopeReport check(SbomDocument doc, Tier required) {
        Set<String> inGraph = new HashSet<>();
        for (DependencyEdge e : doc.dependencies()) {
            inGraph.add(e.from());
            inGraph.add(e.to());
        }
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) results.add(evaluate(criterion, doc.components(), inGraph));

        Tier achieved = null;
        for (Tier t : Tier.values()) {
            boolean allMet = results.stream().filter(r -> r.tier().compareTo(t) <= 0).allMatch(CriterionResult::met);
            if (!allMet) break;
            achieved = t;
        }
        return new ScopeReport(required, Optional.ofNullable(achieved), results);
    }

    /** A criterion over no components is not met: an SBOM that lists nothing shows nothing. */
    private static CriterionResult evaluate(Criterion criterion, List<Component> components, Set<String> inGraph) {
        int total = 0;
        int satisfied = 0;
        List<String> missing = new ArrayList<>();
        for (Component c : components) {
            if (criterion.topLevelOnly() && !c.topLevel()) continue;
            total++;
            if (criterion.test(c, inGraph)) satisfied++;
            else if (missing.size() < EXAMPLES) missing.add(c.displayName() == null ? c.ref() : c.displayName());
        }
        return new CriterionResult(criterion, total > 0 && satisfied == total, satisfied, total, missing);
    }
}
