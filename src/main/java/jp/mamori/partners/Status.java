package jp.mamori.partners;

/** Readiness status of one countermeasure. */
public enum Status implements Keyed {
    GREEN("良好", "green"),
    AMBER("要注意", "amber"),
    RED("要対応", "red");

    private final String ja;
    private final String en;

    Status(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    public static Status parse(String s) {
        return Keyed.parse(Status.class, s, "status");
    }
}
