package jp.mamori.inventory.sbom.cyclonedx;

import java.util.List;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomWarning;

/** Turns schema violations into one message: the first place, and the first few problems. */
final class SchemaErrors {
    static final int SHOWN = 5;

    /** One violation: where (JSON pointer or XML line/column) and what. */
    record Violation(String place, String message) { }

    private SchemaErrors() { }

    /**
     * One warning per violation, its place first, in Japanese and English (the validator's own words
     * are English). Shown on the SBOM page, in {@code sbom add/check} and in the API's response.
     */
    static List<String> warnings(String specVersion, List<Violation> violations) {
        List<String> out = new java.util.ArrayList<>(violations.size());
        for (Violation v : violations) {
            out.add(SbomWarning.text(v.place(), "CycloneDX " + specVersion + " スキーマに適合しません",
                    "not valid against the CycloneDX " + specVersion + " schema: " + v.message()));
        }
        return out;
    }

    /**
     * A lenient read that cannot go on: the document is refused for {@code why}, and the schema
     * problems found are named as a strict read names them.
     * {@code why}: what makes it unsafe, in Japanese and English.
     */
    static SbomFormatException unreadable(String file, String specVersion, List<Violation> violations, String place,
                                           String whyJa, String whyEn) {
        String detail = violations.isEmpty() ? "" : "; " + describe(specVersion, violations);
        return new SbomFormatException(file, place != null ? place : violations.isEmpty() ? null : violations.get(0).place(),
                "安全に読めないため受け付けません（" + whyJa + "） / cannot be read safely (" + whyEn + ")" + detail);
    }

    static SbomFormatException reject(String file, String specVersion, List<Violation> violations) {
        return new SbomFormatException(file, violations.get(0).place(), describe(specVersion, violations));
    }

    private static String describe(String specVersion, List<Violation> violations) {
        StringBuilder sb = new StringBuilder("not valid against the CycloneDX ").append(specVersion)
                .append(" schema (").append(violations.size()).append(violations.size() == 1 ? " problem" : " problems")
                .append("): ");
        for (int i = 0; i < Math.min(SHOWN, violations.size()); i++) {
            if (i > 0) sb.append("; ");
            Violation v = violations.get(i);
            if (i > 0 && v.place() != null) sb.append(v.place()).append(": ");
            sb.append(v.message());
        }
        if (violations.size() > SHOWN) sb.append("; ...");
        return sb.toString();
    }
}
