package jp.mamori.matching.osv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.matching.version.VersionScheme;
import jp.mamori.matching.version.VersionSchemes;

/**
 * Decides whether one version of a package is affected by one OSV {@code affected[]} entry
 * (OSV schema 1.x "Evaluation"): affected when it lies in any SEMVER or ECOSYSTEM range, or is
 * listed in {@code versions}. SEMVER ranges are ordered by SemVer (Go modules by the Go scheme),
 * ECOSYSTEM ranges by the ecosystem's scheme ({@link VersionSchemes}). GIT ranges need the
 * repository's commit graph and are skipped with a note. A version the scheme cannot read is
 * never a range match; the note says so and the caller decides.
 */
public final class OsvRangeEvaluator {

    private OsvRangeEvaluator() { }

    /** The match, or empty when the version is not affected (notes of non-matches are dropped). */
    public static Optional<RangeMatch> match(AffectedPackage pkg, String version) {
        RangeMatch result = evaluate(pkg, version);
        return result.affected() ? Optional.of(result) : Optional.empty();
    }

    /** Always a result: affected or not, with a note when part of the entry could not be evaluated. */
    public static RangeMatch evaluate(AffectedPackage pkg, String version) {
        VersionScheme ecosystemScheme = VersionSchemes.forEcosystem(pkg.ecosystem());
        Notes notes = new Notes();
        if (version == null || version.isBlank()) {
            notes.add("no version to compare");
            return RangeMatch.notAffected(ecosystemScheme, notes.text());
        }
        List<String> fixes = new ArrayList<>();
        for (PackageRange range : pkg.ranges()) {
            VersionScheme scheme = schemeFor(range, pkg.ecosystem(), notes);
            if (scheme == null) continue;
            RangeWalk walk = new RangeWalk(scheme);
            Optional<String> invalidEvent = walk.invalidEvent(range);
            if (invalidEvent.isPresent()) {
                notes.add(range.type() + " range skipped: '" + invalidEvent.get() + "' is not a valid " + scheme.id() + " version");
                continue;
            }
            if (!scheme.isValid(version)) {
                notes.add("'" + version + "' is not a valid " + scheme.id() + " version");
                continue;
            }
            Optional<RangeWalk.Hit> hit = walk.find(range, version);
            if (hit.isPresent()) {
                return new RangeMatch(true, describe(hit.get()), fixedIn(hit.get()), scheme, notes.text());
            }
            fixes.addAll(walk.fixesAbove(range, version));
        }
        if (listed(pkg.versions(), version, ecosystemScheme)) {
            return new RangeMatch(true, "=" + version + " (versions list)", lowest(fixes, ecosystemScheme),
                    ecosystemScheme, notes.text());
        }
        if (pkg.ranges().isEmpty() && pkg.versions().isEmpty()) notes.add("no ranges and no versions listed");
        return RangeMatch.notAffected(ecosystemScheme, notes.text());
    }

    /** null when the range type cannot be evaluated here (GIT, unknown types), with a note. */
    private static VersionScheme schemeFor(PackageRange range, String ecosystem, Notes notes) {
        String type = range.type() == null ? "" : range.type().toUpperCase(Locale.ROOT);
        switch (type) {
            case "SEMVER":
                return VersionSchemes.forSemverRange(ecosystem);
            case "ECOSYSTEM":
                return VersionSchemes.forEcosystem(ecosystem);
            case "GIT":
                notes.add("GIT range skipped: needs the repository's commit graph");
                return null;
            default:
                notes.add("range type '" + range.type() + "' skipped: unknown");
                return null;
        }
    }

    /** Exact string first (as the OSV pseudo-code); scheme equality also catches "1.0" = "1.0.0" in PyPI. */
    private static boolean listed(List<String> versions, String version, VersionScheme scheme) {
        if (versions.contains(version)) return true;
        if (!scheme.isValid(version)) return false;
        for (String listed : versions) {
            if (scheme.isValid(listed) && scheme.compare(listed, version) == 0) return true;
        }
        return false;
    }

    private static String describe(RangeWalk.Hit hit) {
        StringBuilder sb = new StringBuilder();
        if (!RangeWalk.isZero(hit.lower())) sb.append(">=").append(hit.lower().version());
        RangeEvent upper = hit.upper();
        if (upper != null) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(RangeWalk.LAST_AFFECTED.equals(upper.kind()) ? "<=" : "<").append(upper.version());
        }
        return sb.length() == 0 ? ">=0" : sb.toString();
    }

    private static List<String> fixedIn(RangeWalk.Hit hit) {
        RangeEvent upper = hit.upper();
        return upper != null && RangeWalk.FIXED.equals(upper.kind()) ? List.of(upper.version()) : List.of();
    }

    private static List<String> lowest(List<String> fixes, VersionScheme scheme) {
        return fixes.stream().filter(scheme::isValid).min(scheme).map(List::of).orElse(List.of());
    }

    /** Distinct notes joined in the order they arose. */
    private static final class Notes {
        private final List<String> items = new ArrayList<>();

        void add(String note) {
            if (!items.contains(note)) items.add(note);
        }

        String text() {
            return items.isEmpty() ? null : String.join("; ", items);
        }
    }
}
