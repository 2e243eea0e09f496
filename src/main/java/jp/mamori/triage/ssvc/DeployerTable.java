package jp.mamori.triage.ssvc;

import java.util.List;

/**
 * CERT/CC's deployer patch-application-priority table ({@code deployer_patch_application_priority_1_0_0}):
 * Exploitation × System Exposure × Automatable × Human Impact → Defer / Scheduled / Out-of-Cycle /
 * Immediate, reported as a Mamori {@link Outcome} through {@link DeployerPriority#outcome()}.
 *
 * <p>Exposure is an input of this table, so the policy's "open raises mission" rule is not applied
 * for it (it would count exposure twice). Rows are the published CSV in its own order, four human
 * impact columns to a line: row n is line n / 4, column n % 4.
 */
public final class DeployerTable implements DecisionTable {
    public static final String ID = "deployer 1.0.0";

    //                exploitation exposure automatable : human impact low, medium, high, very high
    private static final List<String> ROWS = List.of(
            "none   small      no  : defer        defer        scheduled    scheduled",
            "none   small      yes : defer        scheduled    scheduled    scheduled",
            "none   controlled no  : defer        scheduled    scheduled    scheduled",
            "none   controlled yes : scheduled    scheduled    scheduled    scheduled",
            "none   open       no  : defer        scheduled    scheduled    scheduled",
            "none   open       yes : scheduled    scheduled    scheduled    out-of-cycle",
            "poc    small      no  : defer        scheduled    scheduled    scheduled",
            "poc    small      yes : scheduled    scheduled    scheduled    scheduled",
            "poc    controlled no  : defer        scheduled    scheduled    scheduled",
            "poc    controlled yes : scheduled    scheduled    scheduled    out-of-cycle",
            "poc    open       no  : scheduled    scheduled    scheduled    out-of-cycle",
            "poc    open       yes : scheduled    scheduled    out-of-cycle out-of-cycle",
            "active small      no  : scheduled    scheduled    out-of-cycle out-of-cycle",
            "active small      yes : scheduled    out-of-cycle out-of-cycle out-of-cycle",
            "active controlled no  : scheduled    scheduled    out-of-cycle out-of-cycle",
            "active controlled yes : out-of-cycle out-of-cycle out-of-cycle out-of-cycle",
            "active open       no  : scheduled    out-of-cycle out-of-cycle immediate",
            "active open       yes : out-of-cycle out-of-cycle immediate    immediate");

    private static final DeployerPriority[] PRIORITIES = parse();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public SsvcDecision decide(SsvcInputs in) {
        return decide(in.exploitation().value(), in.exposure().value(), in.automatable().value(), in.humanImpact().value());
    }

    public SsvcDecision decide(Exploitation e, Exposure x, Automatable a, HumanImpact h) {
        int row = ((e.ordinal() * 3 + x.ordinal()) * 2 + a.ordinal()) * 4 + h.ordinal();
        DeployerPriority p = PRIORITIES[row];
        String exploitation = e == Exploitation.POC ? "public poc" : e.key();
        return new SsvcDecision(p.outcome(), ID, row,
                exploitation + "/" + x.key() + "/" + a.key() + "/" + h.key(), p.key());
    }

    /** The table's own outcome, before mapping onto Mamori's scale. */
    public DeployerPriority priority(Exploitation e, Exposure x, Automatable a, HumanImpact h) {
        return DeployerPriority.fromKey(decide(e, x, a, h).tableOutcome());
    }

    private static DeployerPriority[] parse() {
        DeployerPriority[] out = new DeployerPriority[72];
        for (int line = 0; line < ROWS.size(); line++) {
            String[] cols = ROWS.get(line).split(":")[1].trim().split("\\s+");
            for (int h = 0; h < 4; h++) out[line * 4 + h] = DeployerPriority.fromKey(cols[h]);
        }
        return out;
    }
}
