package jp.mamori.triage.cvss;

/**
 * The outcome of scoring one vector: either a score with its severity, or an error message.
 *
 * @param vector     the vector as given (trimmed)
 * @param version    "2.0", "3.0", "3.1" or "4.0"; null when the version could not be recognised
 * @param baseScore  v2/v3.x: the base score; v4.0: the CVSS-B score, or CVSS-BT/BE/BTE when the vector
 *                   carries threat or environmental metrics; null on error
 * @param severity   "Critical", "High", "Medium", "Low" or "None"; null on error
 * @param severityJa 緊急, 重要, 警告, 注意 or なし; null on error
 * @param error      why the vector was rejected; null on success
 */
public record CvssResult(String vector, String version, Double baseScore, String severity, String severityJa,
                         String error) {

    static CvssResult scored(String vector, String version, double score) {
        Severity s = Severity.of(version, score);
        return new CvssResult(vector, version, score, s.label(), s.labelJa(), null);
    }

    static CvssResult invalid(String vector, String version, String error) {
        return new CvssResult(vector, version, null, null, null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
