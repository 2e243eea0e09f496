package jp.mamori.partners;

/** Risk flags of contracts, derived from the clause checklist and what the contract covers (issue 14). */
public enum RiskFlag implements Keyed {
    PATCH_CAP("上限あり", "patch cap"),
    DEVICES_OUT_OF_SCOPE("対象外機器", "devices outside scope"),
    NO_SBOM_CLAUSE("SBOM条項なし", "no SBOM clause"),
    NO_JUDGEMENT("判断プロセスなし", "no judgement process"),
    NO_INCIDENT_ROLE("インシデント時の役割なし", "no incident-time role"),
    EXPIRING("期限切れ間近", "expiring soon"),
    EXPIRED("期限切れ", "expired"),
    UNCONTRACTED_ASSET("契約なし資産", "asset without contract");

    private final String ja;
    private final String en;

    RiskFlag(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override public String key() { return Keyed.keyOf(this); }
    @Override public String ja() { return ja; }
    @Override public String en() { return en; }

    public static RiskFlag parse(String s) {
        return Keyed.parse(RiskFlag.class, s, "flag");
    }
}
