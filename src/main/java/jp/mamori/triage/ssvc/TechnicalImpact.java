package jp.mamori.triage.ssvc;

/** SSVC Technical Impact v1.0.0: partial or total control of the affected component. */
public enum TechnicalImpact implements SsvcValue {
    PARTIAL("partial"),
    TOTAL("total");

    private final String key;

    TechnicalImpact(String key) { this.key = key; }

    @Override
    public String key() { return key; }

    public static TechnicalImpact of(boolean total) {
        return total ? TOTAL : PARTIAL;
    }

    public static TechnicalImpact fromKey(String key) {
        return SsvcValue.fromKey(TechnicalImpact.class, key);
    }
}
