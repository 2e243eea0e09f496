package jp.mamori.detection.rules;

/** The kind of a detection (issue 15 contract). */
public enum Category {
    SESSION_HIJACK("session-hijack", "セッション乗っ取り"),
    EXPLOIT_ATTEMPT("exploit-attempt", "脆弱性攻撃の試行"),
    EXFILTRATION("exfiltration", "外部への持ち出し"),
    OTHER("other", "その他");

    private final String key;
    private final String ja;

    Category(String key, String ja) {
        this.key = key;
        this.ja = ja;
    }

    public String key() { return key; }
    public String ja() { return ja; }

    public static Category fromKey(String k) {
        for (Category c : values()) if (c.key.equals(k)) return c;
        throw new IllegalArgumentException("unknown category '" + k + "'");
    }
}
