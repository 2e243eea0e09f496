package jp.mamori.partners;

/** 体制表の列: incident-time parties. */
public enum Party implements Keyed {
    CSIRT("団体CSIRT", "the organisation's CSIRT"),
    DEVELOPMENT_VENDOR("開発ベンダ", "development vendor"),
    MAINTENANCE_VENDOR("保守ベンダ", "maintenance vendor"),
    IR_PARTNER("IR事業者", "IR partner"),
    PREFECTURE_CLOUD("都道府県セキュリティクラウド", "prefectural security cloud");

    private final String ja;
    private final String en;

    Party(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    /** A party that is an outside company: its cell names which vendor takes the role (a vendor role with no vendor named reaches no one). */
    public boolean vendor() {
        return this == DEVELOPMENT_VENDOR || this == MAINTENANCE_VENDOR || this == IR_PARTNER;
    }

    public static Party parse(String s) {
        return Keyed.parse(Party.class, s, "party");
    }
}
