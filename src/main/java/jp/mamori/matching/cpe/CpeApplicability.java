package jp.mamori.matching.cpe;
import jp.mamori.identifiers.cpe.CpeKey;

import jp.mamori.identifiers.cpe.Cpe23;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.matching.version.VersionScheme;
import jp.mamori.matching.version.VersionSchemes;

/**
 * Does an NVD configuration apply to an asset described by a set of CPEs (its platform: a NetScaler
 * lists its firmware {@code o:} and its hardware {@code h:} CPE)?
 *
 * <ul>
 *   <li>A cpeMatch entry is satisfied when some CPE of the platform matches it ({@link CpeMatcher}).</li>
 *   <li>A node is satisfied when any (OR) or all (AND) of its entries are; {@code negate} inverts it.</li>
 *   <li>A configuration with operator OR applies through any satisfied node; with AND ("running
 *       on") every node must be satisfied.</li>
 *   <li>Only entries with {@code vulnerable=true} make a finding: platform entries
 *       ({@code vulnerable=false}) must be satisfied but never produce a result by themselves, and a
 *       negated node or configuration never names the vulnerable product.</li>
 * </ul>
 * Versions compare by {@link VersionSchemes#forCpe()} unless another scheme is given.
 */
public final class CpeApplicability {

    private CpeApplicability() { }

    public static Optional<CpeMatchResult> evaluate(CpeConfiguration config, Collection<Cpe23> platform) {
        return evaluate(config, platform, VersionSchemes.forCpe());
    }

    public static Optional<CpeMatchResult> evaluate(CpeConfiguration config, Collection<Cpe23> platform,
                                                    VersionScheme scheme) {
        if (config.nodes().isEmpty() || platform.isEmpty()) return Optional.empty();
        CpeMatcher matcher = new CpeMatcher(scheme);
        boolean and = isAnd(config.operator());
        CpeMatchResult found = null;
        boolean allSatisfied = true;
        for (CpeNode node : config.nodes()) {
            NodeOutcome outcome = evaluate(node, platform, matcher, scheme);
            if (!outcome.satisfied()) {
                allSatisfied = false;
                if (and) break;
                continue;
            }
            if (found == null) found = outcome.vulnerable();
            if (!and && found != null) break;
        }
        boolean applies = and ? allSatisfied : found != null;
        if (config.negate()) return Optional.empty(); // "not running on": no vulnerable product to name
        return applies ? Optional.ofNullable(found) : Optional.empty();
    }

    /** Does one cpeMatch entry apply to one asset CPE (generic versions)? */
    public static boolean matches(CpeMatch entry, Cpe23 asset) {
        return matches(entry, asset, VersionSchemes.forCpe());
    }

    public static boolean matches(CpeMatch entry, Cpe23 asset, VersionScheme scheme) {
        return CriterionCache.parse(entry.criteria()).map(c -> new CpeMatcher(scheme).matches(entry, c, asset)).orElse(false);
    }

    /**
     * A CPE given without version semantics (JVN iPedia) names the asset's product when part (unless
     * either is ANY), vendor and product are equal. Empty when they differ or the CPE is unreadable.
     */
    public static Optional<CpeCandidate> candidate(String versionlessCpe, Cpe23 asset) {
        Optional<Cpe23> parsed = Cpe23.tryParse(versionlessCpe);
        if (parsed.isEmpty()) return Optional.empty();
        CpeKey source = parsed.get().key();
        CpeKey target = asset.key();
        boolean partOk = source.part().equals(target.part()) || Cpe23.ANY.equals(source.part()) || Cpe23.ANY.equals(target.part());
        if (!partOk || !source.vendor().equals(target.vendor()) || !source.product().equals(target.product())) {
            return Optional.empty();
        }
        return Optional.of(new CpeCandidate(versionlessCpe, asset,
                "vendor and product match " + source.vendor() + ":" + source.product() + "; the source gives no version"));
    }

    private record NodeOutcome(boolean satisfied, CpeMatchResult vulnerable) { }

    private static NodeOutcome evaluate(CpeNode node, Collection<Cpe23> platform, CpeMatcher matcher, VersionScheme scheme) {
        boolean and = isAnd(node.operator());
        boolean any = false;
        boolean all = true;
        CpeMatchResult vulnerable = null;
        for (CpeMatch entry : node.cpeMatch()) {
            Cpe23 hit = firstMatching(entry, platform, matcher);
            if (hit == null) {
                all = false;
                continue;
            }
            any = true;
            if (vulnerable == null && entry.vulnerable()) vulnerable = result(entry, hit, scheme);
        }
        boolean satisfied = !node.cpeMatch().isEmpty() && (and ? all : any);
        if (node.negate()) return new NodeOutcome(!satisfied, null);
        return new NodeOutcome(satisfied, satisfied ? vulnerable : null);
    }

    private static Cpe23 firstMatching(CpeMatch entry, Collection<Cpe23> platform, CpeMatcher matcher) {
        Optional<Cpe23> criterion = CriterionCache.parse(entry.criteria());
        if (criterion.isEmpty()) return null;
        for (Cpe23 cpe : platform) {
            if (matcher.matches(entry, criterion.get(), cpe)) return cpe;
        }
        return null;
    }

    private static CpeMatchResult result(CpeMatch entry, Cpe23 hit, VersionScheme scheme) {
        List<String> fixedIn = entry.versionEndExcluding() == null ? List.of() : List.of(entry.versionEndExcluding());
        return new CpeMatchResult(entry, hit, entry.describe(), scheme.id(), fixedIn);
    }

    private static boolean isAnd(String operator) {
        return operator != null && operator.trim().toUpperCase(Locale.ROOT).equals("AND");
    }
}
