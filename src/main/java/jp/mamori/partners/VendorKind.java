package jp.mamori.partners;

/** What a vendor does for the organisation. */
public enum VendorKind implements Keyed {
    DEVELOPMENT("開発", "development"),
    MAINTENANCE("保守", "maintenance"),
    OPERATION("運用", "operation"),
    CLOUD("クラウド", "cloud"),
    IR("インシデント対応", "incident response");

    private final String ja;
    private final String en;

    VendorKind(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    public static VendorKind parse(String s) {
        return Keyed.parse(VendorKind.class, s, "vendor-kind");
    }
}
