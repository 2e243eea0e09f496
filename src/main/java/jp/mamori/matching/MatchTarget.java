package jp.mamori.matching;

/**
 * What is matched: an SBOM component or a device known by its CPE.
 *
 * @param ref      the component's reference in its document (or the asset code for a device)
 * @param purl     package URL, preferred when present
 * @param cpe      CPE 2.3 name, used when there is no usable purl
 * @param platform the other parts of the same asset, for NVD "running on" configurations
 */
public record MatchTarget(String ref, String name, String version, String purl, String cpe, Platform platform) {

    public MatchTarget {
        platform = platform == null ? Platform.NONE : platform;
    }

    /** A target evaluated alone (no other part of its asset known). */
    public MatchTarget(String ref, String name, String version, String purl, String cpe) {
        this(ref, name, version, purl, cpe, Platform.NONE);
    }
}
