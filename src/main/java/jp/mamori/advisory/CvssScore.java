package jp.mamori.advisory;

/**
 * One CVSS statement as a source published it.
 *
 * @param version  "2.0", "3.0", "3.1" or "4.0"
 * @param vector   the vector string as published
 * @param baseScore the score the source published (may be null when only a vector was given)
 * @param source   who scored it: "nvd", "cna:<org>", "jvn", "vendor:<name>", "osv", ...
 * @param type     "Primary" or "Secondary" for NVD, null otherwise
 */
public record CvssScore(String version, String vector, Double baseScore, String source, String type) {
}
