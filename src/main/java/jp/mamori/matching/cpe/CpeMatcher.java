package jp.mamori.matching.cpe;

import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.identifiers.cpe.CpeAttribute;

import java.util.List;
import java.util.Locale;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.matching.version.VersionScheme;
import us.springett.parsers.cpe.util.Convert;

/**
 * Does one NVD {@code cpeMatch} entry apply to one CPE of an asset? Every attribute but version
 * and update by {@link AttributeMatch}; then, when the entry has a range, the asset's whole version
 * must lie in it (by the given scheme), otherwise the criterion's version and update must cover one
 * of the asset's {@link AssetVersion readings}. An asset without a stated version never satisfies a
 * versioned criterion: that is a candidate for a person to check, not a finding.
 */
final class CpeMatcher {

    private static final List<CpeAttribute> PLAIN_ATTRIBUTES = List.of(
            CpeAttribute.PART, CpeAttribute.VENDOR, CpeAttribute.PRODUCT, CpeAttribute.EDITION,
            CpeAttribute.LANGUAGE, CpeAttribute.SW_EDITION, CpeAttribute.TARGET_SW, CpeAttribute.TARGET_HW,
            CpeAttribute.OTHER);

    private final VersionScheme scheme;

    CpeMatcher(VersionScheme scheme) {
        this.scheme = scheme;
    }

    boolean matches(CpeMatch entry, Cpe23 criterion, Cpe23 asset) {
        for (CpeAttribute a : PLAIN_ATTRIBUTES) {
            if (!AttributeMatch.covers(criterion.wellFormed(a), asset.wellFormed(a))) return false;
        }
        if (entry.hasRange()) {
            if (!inRange(entry, AssetVersion.full(asset))) return false;
            if (Cpe23.ANY.equals(criterion.version()) && Cpe23.ANY.equals(criterion.update())) return true;
        }
        for (AssetVersion reading : AssetVersion.readings(asset)) {
            if (versionCovers(criterion, reading.version()) && updateCovers(criterion, reading.update())) return true;
        }
        return false;
    }

    /** A bound the scheme cannot read makes the entry apply to nothing: unknown is not evidence. */
    private boolean inRange(CpeMatch m, String version) {
        if (version == null || !scheme.isValid(version)) return false;
        if (!readable(m.versionStartIncluding()) || !readable(m.versionStartExcluding())
                || !readable(m.versionEndIncluding()) || !readable(m.versionEndExcluding())) return false;
        return (m.versionStartIncluding() == null || scheme.compare(version, m.versionStartIncluding()) >= 0)
                && (m.versionStartExcluding() == null || scheme.compare(version, m.versionStartExcluding()) > 0)
                && (m.versionEndIncluding() == null || scheme.compare(version, m.versionEndIncluding()) <= 0)
                && (m.versionEndExcluding() == null || scheme.compare(version, m.versionEndExcluding()) < 0);
    }

    private boolean readable(String bound) {
        return bound == null || scheme.isValid(bound);
    }

    private boolean versionCovers(Cpe23 criterion, String version) {
        return valueCovers(criterion.wellFormed(CpeAttribute.VERSION), criterion.version(), version);
    }

    private boolean updateCovers(Cpe23 criterion, String update) {
        return valueCovers(criterion.wellFormed(CpeAttribute.UPDATE), criterion.update(), update);
    }

    /** Name matching first (wildcards, case); then scheme equality, so that r1.0 = R1 and 6.0 = 6.0.0. */
    private boolean valueCovers(String criterionWellFormed, String criterionValue, String assetValue) {
        String assetWellFormed = Cpe23.ANY.equals(assetValue) || Cpe23.NA.equals(assetValue)
                ? assetValue : Convert.toWellFormed(assetValue.toLowerCase(Locale.ROOT));
        if (AttributeMatch.covers(criterionWellFormed, assetWellFormed)) return true;
        return Cpe23.isConcrete(criterionValue) && Cpe23.isConcrete(assetValue)
                && scheme.isValid(criterionValue) && scheme.isValid(assetValue)
                && scheme.compare(criterionValue, assetValue) == 0;
    }

}
