package jp.mamori.matching;

/** Which of the target's identifiers a match rests on; {@link #key()} is what reports and the database store. */
public enum MatchedBy {
    PURL("purl"),
    CPE("cpe");

    private final String key;

    MatchedBy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static MatchedBy fromKey(String key) {
        for (MatchedBy b : values()) if (b.key.equalsIgnoreCase(key)) return b;
        throw new IllegalArgumentException("unknown identifier kind: " + key);
    }
}
