package jp.mamori.partners;

/** 契約の種別. */
public enum ContractKind implements Keyed {
    MAINTENANCE("保守", "maintenance"),
    OPERATION("運用", "operation"),
    DEVELOPMENT("開発", "development"),
    CLOUD("クラウド", "cloud");

    private final String ja;
    private final String en;

    ContractKind(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    public static ContractKind parse(String s) {
        return Keyed.parse(ContractKind.class, s, "contract-kind");
    }
}
