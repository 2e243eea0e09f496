package jp.mamori.partners;

/** インシデント対応の局面（体制表の行）. */
public enum Phase implements Keyed {
    DETECT("検知", "detection"),
    CONTAIN("初動・封じ込め", "first response and containment"),
    EVIDENCE("証拠保全", "evidence preservation"),
    ERADICATE("根絶・パッチ", "eradication and patching"),
    RECOVER("復旧", "recovery"),
    REPORT("報告（総務省・警察・J-LIS）", "reporting (MIC, police, J-LIS)"),
    PUBLISH("公表", "public announcement");

    private final String ja;
    private final String en;

    Phase(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    public static Phase parse(String s) {
        return Keyed.parse(Phase.class, s, "phase");
    }
}
