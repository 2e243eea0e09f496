package jp.mamori.partners;

/** 契約の状態. */
public enum ContractStatus implements Keyed {
    DRAFT("下書き", "draft"),
    ACTIVE("有効", "active"),
    EXPIRED("期限切れ", "expired"),
    TERMINATED("解約", "terminated");

    private final String ja;
    private final String en;

    ContractStatus(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    public static ContractStatus parse(String s) {
        return Keyed.parse(ContractStatus.class, s, "contract-status");
    }
}
