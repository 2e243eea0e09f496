package jp.mamori.triage.cvss;

/**
 * Qualitative severity of a CVSS score, with the Japanese names IPA/JVN use (SPEC §4).
 *
 * <p>v3.x and v4.0 use the FIRST bands: 9.0–10.0 Critical (緊急), 7.0–8.9 High (重要),
 * 4.0–6.9 Medium (警告), 0.1–3.9 Low (注意), 0.0 None (なし).
 *
 * <p>v2 has no Critical band: JVN iPedia (like NVD) rates v2 scores 7.0–10.0 High (JVN: レベルIII),
 * 4.0–6.9 Medium (レベルII) and 0.0–3.9 Low (レベルI, including 0.0). JVN's own word for the v2 top
 * band is 危険; we show 重要 so that one severity vocabulary serves every version (a v2 10.0 is
 * "High/重要", as JVN's records label it "High").
 */
public enum Severity {
    CRITICAL("Critical", "緊急"),
    HIGH("High", "重要"),
    MEDIUM("Medium", "警告"),
    LOW("Low", "注意"),
    NONE("None", "なし");

    private final String label;
    private final String labelJa;

    Severity(String label, String labelJa) {
        this.label = label;
        this.labelJa = labelJa;
    }

    /** "Critical", "High", "Medium", "Low" or "None". */
    public String label() { return label; }

    /** 緊急, 重要, 警告, 注意 or なし. */
    public String labelJa() { return labelJa; }

    /** Severity of a score of the given CVSS version ("2.0", "3.0", "3.1", "4.0"). */
    public static Severity of(String version, double score) {
        if ("2.0".equals(version)) {
            if (score >= 7.0) return HIGH;
            if (score >= 4.0) return MEDIUM;
            return LOW;
        }
        if (score >= 9.0) return CRITICAL;
        if (score >= 7.0) return HIGH;
        if (score >= 4.0) return MEDIUM;
        if (score >= 0.1) return LOW;
        return NONE;
    }
}
