package jp.mamori.triage.ssvc;

/**
 * CERT/CC deployer outcomes ("Defer, Scheduled, Out-of-Cycle, Immediate" v1.0.0) and the Mamori
 * outcome each one becomes, so that deadlines and reports stay on one scale:
 * defer → Track (normal cycle), scheduled → Track* (next planned maintenance, watched),
 * out-of-cycle → Attend (patch outside the plan, with priority), immediate → Act.
 */
public enum DeployerPriority implements SsvcValue {
    DEFER("defer", Outcome.TRACK),
    SCHEDULED("scheduled", Outcome.TRACK_STAR),
    OUT_OF_CYCLE("out-of-cycle", Outcome.ATTEND),
    IMMEDIATE("immediate", Outcome.ACT);

    private final String key;
    private final Outcome outcome;

    DeployerPriority(String key, Outcome outcome) {
        this.key = key;
        this.outcome = outcome;
    }

    @Override
    public String key() { return key; }

    public Outcome outcome() { return outcome; }

    public static DeployerPriority fromKey(String key) {
        return SsvcValue.fromKey(DeployerPriority.class, key);
    }
}
