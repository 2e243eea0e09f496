package jp.mamori.matching;

/**
 * What is matched: an SBOM component or a device known by its CPE.
 *
 * @param ref     the component's reference in its document (or the asset code for a device)
 * @param purl    package URL, preferred when present
 * @param cpe     CPE 2.3 name, used when there is no usable purl
 */
public record MatchTarget(String ref, String name, String version, String purl, String cpe) { }
