package jp.mamori.triage.ssvc;

/**
 * SSVC Mission and Well-Being Impact v1.0.0, which Mamori takes from the importance of the system
 * the asset belongs to (SPEC §4).
 */
public enum Mission implements SsvcValue {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String key;

    Mission(String key) { this.key = key; }

    @Override
    public String key() { return key; }

    /** One step more important, HIGH staying HIGH (the policy rule for internet-facing assets). */
    public Mission oneStepUp() {
        return this == LOW ? MEDIUM : HIGH;
    }

    public static Mission fromKey(String key) {
        return SsvcValue.fromKey(Mission.class, key);
    }
}
