package jp.mamori.matching.cpe;
import jp.mamori.identifiers.cpe.CpeKey;

import jp.mamori.identifiers.cpe.Cpe23;

import java.util.ArrayList;
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
        return evaluate(config, null, new PlatformCpes(platform), scheme);
    }

    /**
     * Does the configuration name {@code subject} as the vulnerable product, with the rest of the
     * asset's platform satisfying "running on"? The vulnerable entry must be satisfied by the subject
     * itself (a finding is reported on the part that is vulnerable); every other entry may be satisfied
     * by any CPE of the platform. The result lists those other entries and what satisfied them.
     */
    public static Optional<CpeMatchResult> evaluateFor(CpeConfiguration config, Cpe23 subject, Collection<Cpe23> platform) {
        return evaluateFor(config, subject, new PlatformCpes(platform));
    }

    /** As above over an indexed platform (build it once per asset or document, not per configuration). */
    public static Optional<CpeMatchResult> evaluateFor(CpeConfiguration config, Cpe23 subject, PlatformCpes platform) {
        return evaluate(config, subject, platform, VersionSchemes.forCpe());
    }

    /** {@code subject}, when given, is tried first for every entry: the part a finding is about. */
    private static Optional<CpeMatchResult> evaluate(CpeConfiguration config, Cpe23 subject, PlatformCpes platform,
                                                     VersionScheme scheme) {
        if (config.nodes().isEmpty() || (platform.isEmpty() && subject == null)) return Optional.empty();
        CpeMatcher matcher = new CpeMatcher(scheme);
        boolean and = isAnd(config.operator());
        CpeMatchResult found = null;
        List<PlatformHit> runningOn = new ArrayList<>();
        boolean allSatisfied = true;
        for (CpeNode node : config.nodes()) {
            NodeOutcome outcome = evaluate(node, subject, platform, matcher, scheme);
            if (!outcome.satisfied()) {
                allSatisfied = false;
                if (and) break;
                continue;
            }
            if (found == null && outcome.vulnerable() != null) {
                found = outcome.vulnerable();
                runningOn.addAll(outcome.others());
            } else if (and) {
                runningOn.addAll(outcome.hits());
            }
            if (!and && found != null) break;
        }
        boolean applies = and ? allSatisfied : found != null;
        if (config.negate()) return Optional.empty(); // "not running on": no vulnerable product to name
        if (!applies || found == null) return Optional.empty();
        return Optional.of(and ? found.withRunningOn(runningOn) : found);
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

    /**
     * @param hits   every entry of the node and the platform CPE that satisfied it
     * @param others the entries of an AND node besides the vulnerable one (its own "running on")
     */
    private record NodeOutcome(boolean satisfied, CpeMatchResult vulnerable, List<PlatformHit> hits, List<PlatformHit> others) {
        static NodeOutcome of(boolean satisfied) {
            return new NodeOutcome(satisfied, null, List.of(), List.of());
        }
    }

    private static NodeOutcome evaluate(CpeNode node, Cpe23 subject, PlatformCpes platform, CpeMatcher matcher,
                                        VersionScheme scheme) {
        boolean and = isAnd(node.operator());
        boolean any = false;
        boolean all = true;
        CpeMatchResult vulnerable = null;
        List<PlatformHit> hits = new ArrayList<>();
        for (CpeMatch entry : node.cpeMatch()) {
            Cpe23 hit = firstMatching(entry, subject, platform, matcher);
            if (hit == null) {
                all = false;
                continue;
            }
            any = true;
            hits.add(new PlatformHit(entry, hit));
            if (vulnerable == null && entry.vulnerable()) {
                if (subject == null) vulnerable = result(entry, hit, scheme);
                else if (satisfiedBy(entry, subject, matcher)) vulnerable = result(entry, subject, scheme);
            }
        }
        boolean satisfied = !node.cpeMatch().isEmpty() && (and ? all : any);
        if (node.negate()) return NodeOutcome.of(!satisfied);
        if (!satisfied) return NodeOutcome.of(false);
        List<PlatformHit> others = new ArrayList<>();
        if (and && vulnerable != null) {
            for (PlatformHit h : hits) if (h.entry() != vulnerable.match()) others.add(h);
        }
        return new NodeOutcome(true, vulnerable, hits, others);
    }

    private static boolean satisfiedBy(CpeMatch entry, Cpe23 cpe, CpeMatcher matcher) {
        Optional<Cpe23> criterion = CriterionCache.parse(entry.criteria());
        return criterion.isPresent() && matcher.matches(entry, criterion.get(), cpe);
    }

    private static Cpe23 firstMatching(CpeMatch entry, Cpe23 subject, PlatformCpes platform, CpeMatcher matcher) {
        Optional<Cpe23> criterion = CriterionCache.parse(entry.criteria());
        if (criterion.isEmpty()) return null;
        if (subject != null && matcher.matches(entry, criterion.get(), subject)) return subject;
        // By index: the candidates are a List.copyOf, and an iterator per entry evaluated was 2.6 % of a scan's allocation (JFR).
        List<Cpe23> candidates = platform.candidates(criterion.get());
        for (int i = 0; i < candidates.size(); i++) {
            Cpe23 cpe = candidates.get(i);
            if (!cpe.equals(subject) && matcher.matches(entry, criterion.get(), cpe)) return cpe;
        }
        return null;
    }

    private static CpeMatchResult result(CpeMatch entry, Cpe23 hit, VersionScheme scheme) {
        List<String> fixedIn = entry.versionEndExcluding() == null ? List.of() : List.of(entry.versionEndExcluding());
        return new CpeMatchResult(entry, hit, entry.describe(), scheme, fixedIn);
    }

    private static boolean isAnd(String operator) {
        return operator != null && operator.trim().toUpperCase(Locale.ROOT).equals("AND");
    }
}
