package jp.mamori.matching.cpe;

import jp.mamori.identifiers.cpe.Cpe23;

import java.util.List;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.matching.version.VersionScheme;

/**
 * A configuration applies to an asset.
 *
 * @param match      the vulnerable cpeMatch entry that the asset satisfied
 * @param matchedCpe the asset's CPE that satisfied it
 * @param criterion  evidence text, {@link CpeMatch#describe()}
 * @param scheme     the version scheme used for the range (generic for CPE)
 * @param fixedIn    versionEndExcluding when the entry has one, else empty
 * @param runningOn  the other nodes' entries of an AND configuration and the platform CPEs that satisfied them
 */
public record CpeMatchResult(CpeMatch match, Cpe23 matchedCpe, String criterion, VersionScheme scheme, List<String> fixedIn,
                             List<PlatformHit> runningOn) {
    public CpeMatchResult {
        fixedIn = fixedIn == null ? List.of() : List.copyOf(fixedIn);
        runningOn = runningOn == null ? List.of() : List.copyOf(runningOn);
    }

    public CpeMatchResult(CpeMatch match, Cpe23 matchedCpe, String criterion, VersionScheme scheme, List<String> fixedIn) {
        this(match, matchedCpe, criterion, scheme, fixedIn, List.of());
    }

    CpeMatchResult withRunningOn(List<PlatformHit> hits) {
        return new CpeMatchResult(match, matchedCpe, criterion, scheme, fixedIn, hits);
    }
}
