package jp.mamori.matching.osv;

import java.util.List;
import jp.mamori.matching.version.VersionScheme;

/**
 * Outcome of checking one version against one OSV affected package.
 *
 * @param affected  the version lies in a range or is listed
 * @param criterion what matched, for evidence: {@code ">=2.0-beta9 <2.15.0"}, {@code "<=1.4.2"},
 *                  {@code ">=0"} (every version), {@code "=1.2.3 (versions list)"}; null when not affected
 * @param fixedIn   the fixed version that ends the matching range (empty when none is known)
 * @param scheme    the version scheme that ordered the versions (evidence shows its id: "maven", "semver", ...)
 * @param note      why something could not be evaluated (invalid version, GIT range skipped), else null;
 *                  present on affected and not-affected results alike, the caller decides what to show
 */
public record RangeMatch(boolean affected, String criterion, List<String> fixedIn, VersionScheme scheme, String note) {
    public RangeMatch {
        fixedIn = fixedIn == null ? List.of() : List.copyOf(fixedIn);
    }

    static RangeMatch notAffected(VersionScheme scheme, String note) {
        return new RangeMatch(false, null, List.of(), scheme, note);
    }
}
