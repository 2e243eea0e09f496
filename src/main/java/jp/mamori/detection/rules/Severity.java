package jp.mamori.detection.rules;

import java.util.Locale;

/** How urgent a detection is. */
public enum Severity {
    LOW("低", "low"), MEDIUM("中", "medium"), HIGH("高", "high"), CRITICAL("緊急", "critical");

    private final String ja;
    private final String key;

    Severity(String ja, String key) {
        this.ja = ja;
        this.key = key;
    }

    public String ja() { return ja; }
    public String key() { return key; }

    public Severity raise() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    public boolean atLeast(Severity other) {
        return ordinal() >= other.ordinal();
    }

    public static Severity fromKey(String k) {
        String s = k.toLowerCase(Locale.ROOT).strip();
        for (Severity v : values()) if (v.key.equals(s)) return v;
        return switch (s) {
            case "informational", "info" -> LOW;
            default -> throw new IllegalArgumentException("unknown severity '" + k + "'");
        };
    }
}
