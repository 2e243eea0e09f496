package jp.mamori.triage.cvss;

import jp.mamori.advisory.CvssScore;

/**
 * The CVSS score chosen for triage, why, and whether another source rates the vulnerability higher
 * (both are then shown: e.g. CVE-2023-4966, NVD 7.5 and Citrix 9.4).
 *
 * @param chosen          the chosen statement; null when no usable score exists
 * @param baseScore       its score (computed from the vector when valid, else as published)
 * @param severity        severity of that score
 * @param metrics         SSVC facts from its vector; null when the vector is missing or invalid
 * @param reasonJa        why it was chosen, in Japanese
 * @param reasonEn        why it was chosen, in English
 * @param higherElsewhere the highest score of another source when it exceeds the chosen one, else null
 * @param higherScore     that score, else null
 * @param higherNoteJa    note about it in Japanese, else null
 * @param higherNoteEn    note about it in English, else null
 */
public record CvssChoice(CvssScore chosen, Double baseScore, Severity severity, CvssMetrics metrics,
                         String reasonJa, String reasonEn,
                         CvssScore higherElsewhere, Double higherScore, String higherNoteJa, String higherNoteEn) {

    public static CvssChoice none() {
        return new CvssChoice(null, null, null, null,
                "利用できるCVSSスコアがありません。", "No usable CVSS score is available.", null, null, null, null);
    }

    public boolean present() {
        return chosen != null;
    }

    public boolean higherElsewherePresent() {
        return higherElsewhere != null;
    }
}
