package jp.mamori.inventory;

import java.util.Locale;

/** Network segment of a system (三層の対策). */
public enum Segment {
    MYNUMBER("mynumber", "マイナンバー利用事務系"),
    LGWAN("lgwan", "LGWAN接続系"),
    INTERNET("internet", "インターネット接続系"),
    CLOUD("cloud", "クラウド");

    private final String key;
    private final String ja;

    Segment(String key, String ja) {
        this.key = key;
        this.ja = ja;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() { return key; }

    public String ja() { return ja; }

    /** Accepts the key, the enum name or the Japanese label. */
    public static Segment parse(String s) {
        String v = s.trim();
        for (Segment g : values()) {
            if (g.key.equalsIgnoreCase(v) || g.name().equalsIgnoreCase(v) || g.ja.equals(v)) return g;
        }
        throw new IllegalArgumentException("unknown network segment '" + s + "' (mynumber | lgwan | internet | cloud, "
                + "or マイナンバー利用事務系 / LGWAN接続系 / インターネット接続系 / クラウド)");
    }

    @Override
    public String toString() { return key.toLowerCase(Locale.ROOT); }
}
