package jp.mamori.triage.ssvc;

/**
 * SSVC Human Impact v2.0.2, the deployer table's impact input. CERT/CC derives it from Safety Impact
 * and Mission Impact; Mamori has the system's mission only, so {@link #of(Mission)} maps
 * low/medium/high one to one and VERY_HIGH (mission failure or catastrophic safety impact) is reached
 * by an explicit override only.
 */
public enum HumanImpact implements SsvcValue {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    VERY_HIGH("very-high");

    private final String key;

    HumanImpact(String key) { this.key = key; }

    @Override
    public String key() { return key; }

    public static HumanImpact of(Mission mission) {
        return switch (mission) {
            case LOW -> LOW;
            case MEDIUM -> MEDIUM;
            case HIGH -> HIGH;
        };
    }

    public static HumanImpact fromKey(String key) {
        return SsvcValue.fromKey(HumanImpact.class, key);
    }
}
