package jp.mamori.triage.ssvc;

/**
 * The triage outcome, in CISA's words (CISA Levels v1.1.0), from least to most urgent. The
 * Japanese labels are what a municipal officer sees.
 */
public enum Outcome implements SsvcValue {
    TRACK("track", "Track", "通常の管理", "handle in the normal update cycle"),
    TRACK_STAR("track-star", "Track*", "注視", "watch closely"),
    ATTEND("attend", "Attend", "優先して対応", "handle with priority"),
    ACT("act", "Act", "直ちに対応", "act immediately");

    private final String key;
    private final String display;
    private final String labelJa;
    private final String labelEn;

    Outcome(String key, String display, String labelJa, String labelEn) {
        this.key = key;
        this.display = display;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** "track", "track-star", "attend", "act". */
    @Override
    public String key() { return key; }

    /** "Track", "Track*", "Attend", "Act". */
    public String display() { return display; }

    /** 通常の管理, 注視, 優先して対応, 直ちに対応. */
    public String labelJa() { return labelJa; }

    /** Plain-English meaning, e.g. "act immediately". */
    public String labelEn() { return labelEn; }

    public static Outcome fromKey(String key) {
        return SsvcValue.fromKey(Outcome.class, key);
    }
}
