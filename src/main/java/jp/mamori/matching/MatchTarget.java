package jp.mamori.matching;

/**
 * What is matched: an SBOM component or a device known by its CPE.
 *
 * @param ref      the component's reference in its document (or the asset code for a device)
 * @param purl     package URL, preferred when present
 * @param cpe      CPE 2.3 name, used when there is no usable purl
 * @param platform the other parts of the same asset, for NVD "running on" configurations
 * @param suggestedIdentifier the purl/CPE was suggested by Mamori (a vendor-table row), not declared by the
 *                 document nor confirmed by a person: its matches are candidates (issue 13 defect 5)
 */
public record MatchTarget(String ref, String name, String version, String purl, String cpe, Platform platform,
                          boolean suggestedIdentifier) {

    public MatchTarget {
        platform = platform == null ? Platform.NONE : platform;
    }

    /** A declared (or confirmed) identifier. */
    public MatchTarget(String ref, String name, String version, String purl, String cpe, Platform platform) {
        this(ref, name, version, purl, cpe, platform, false);
    }

    /** A target evaluated alone (no other part of its asset known). */
    public MatchTarget(String ref, String name, String version, String purl, String cpe) {
        this(ref, name, version, purl, cpe, Platform.NONE);
    }
}
