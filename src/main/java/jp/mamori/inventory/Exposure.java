package jp.mamori.inventory;

/** How reachable an asset is (SSVC system exposure). */
public enum Exposure {
    SMALL("small", "限定（隔離）"),
    CONTROLLED("controlled", "内部（到達可能）"),
    OPEN("open", "インターネット公開");

    private final String key;
    private final String ja;

    Exposure(String key, String ja) {
        this.key = key;
        this.ja = ja;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() { return key; }

    public String ja() { return ja; }

    public static Exposure parse(String s) {
        for (Exposure e : values()) {
            if (e.key.equalsIgnoreCase(s.trim()) || e.ja.equals(s.trim())) return e;
        }
        throw new IllegalArgumentException("unknown exposure '" + s + "' (open | controlled | small)");
    }
}
