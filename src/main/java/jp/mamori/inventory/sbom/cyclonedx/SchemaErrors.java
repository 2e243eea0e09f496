package jp.mamori.inventory.sbom.cyclonedx;

import java.util.List;
import jp.mamori.inventory.sbom.SbomFormatException;

/** Turns schema violations into one message: the first place, and the first few problems. */
final class SchemaErrors {
    static final int SHOWN = 5;

    /** One violation: where (JSON pointer or XML line/column) and what. */
    record Violation(String place, String message) { }

    private SchemaErrors() { }

    static SbomFormatException reject(String file, String specVersion, List<Violation> violations) {
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
        return new SbomFormatException(file, violations.get(0).place(), sb.toString());
    }
}
