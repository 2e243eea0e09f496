package jp.mamori.partners;

/** How a contract treats one checklist item (recorded by whoever reviewed the contract). */
public enum Answer implements Keyed {
    PRESENT("有", "present"),
    PARTIAL("一部", "partial"),
    ABSENT("無", "absent"),
    NOT_APPLICABLE("対象外", "not applicable");

    private final String ja;
    private final String en;

    Answer(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    /** Also the marks officers write in a checklist: ○ present, △ partial, × absent, － not applicable. */
    public static Answer parse(String s) {
        String v = s == null ? "" : s.strip();
        switch (v) {
            case "○", "◯", "有り", "あり" -> { return PRESENT; }
            case "△", "一部あり" -> { return PARTIAL; }
            case "×", "✕", "無し", "なし" -> { return ABSENT; }
            case "－", "-", "ー", "該当なし", "n/a", "N/A" -> { return NOT_APPLICABLE; }
            default -> { }
        }
        return Keyed.parse(Answer.class, s, "answer");
    }
}
