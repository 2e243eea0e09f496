package jp.mamori.inventory;

import java.util.Set;

/**
 * Information-asset importance as municipal security policies classify it: confidentiality
 * 3A/3B/3C/2/1, integrity 2/1, availability 2/1 (higher is more important).
 */
public record Importance(String confidentiality, String integrity, String availability) {

    private static final Set<String> C = Set.of("3A", "3B", "3C", "2", "1");
    private static final Set<String> IA = Set.of("2", "1");

    public Importance {
        confidentiality = confidentiality == null ? null : confidentiality.trim().toUpperCase(java.util.Locale.ROOT);
        if (!C.contains(confidentiality)) {
            throw new IllegalArgumentException("confidentiality (機密性) must be 3A, 3B, 3C, 2 or 1: '" + confidentiality + "'");
        }
        if (!IA.contains(integrity)) throw new IllegalArgumentException("integrity (完全性) must be 2 or 1: '" + integrity + "'");
        if (!IA.contains(availability)) throw new IllegalArgumentException("availability (可用性) must be 2 or 1: '" + availability + "'");
    }

    /**
     * SSVC mission & well-being from importance: systems holding 3A/3B data (マイナンバー, personal
     * data) or with integrity/availability 2 support the municipality's essential functions.
     */
    public String mission() {
        if (confidentiality.equals("3A") || confidentiality.equals("3B")) return "high";
        if (integrity.equals("2") && availability.equals("2")) return "high";
        if (confidentiality.equals("3C") || confidentiality.equals("2") || integrity.equals("2") || availability.equals("2")) return "medium";
        return "low";
    }

    @Override
    public String toString() {
        return "機密性" + confidentiality + "/完全性" + integrity + "/可用性" + availability;
    }
}
