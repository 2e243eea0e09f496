package jp.mamori.triage.ssvc;

import java.util.List;

/**
 * CISA's coordinator decision table, CERT/CC SSVC {@code cisa_coordinator_2_0_3}: Exploitation ×
 * Automatable × Technical Impact × Mission and Well-Being → Track / Track* / Attend / Act.
 *
 * <p>The rows below are the published CSV ({@code data/csv/cisa/cisa_coordinator_2_0_3.csv} in
 * CERTCC/SSVC) in its own order, three mission columns to a line, so that a reviewer can lay the two
 * side by side. Row n of the CSV is line n / 3, column n % 3.
 */
public final class CisaCoordinatorTable implements DecisionTable {
    public static final String ID = "cisa_coordinator 2.0.3";

    //                exploitation automatable technical-impact : mission low, medium, high
    private static final List<String> ROWS = List.of(
            "none   no  partial : track  track  track",
            "none   no  total   : track  track  track*",
            "none   yes partial : track  track  attend",
            "none   yes total   : track  track  attend",
            "poc    no  partial : track  track  track*",
            "poc    no  total   : track  track* attend",
            "poc    yes partial : track  track  attend",
            "poc    yes total   : track  track* attend",
            "active no  partial : track  track  attend",
            "active no  total   : track  attend act",
            "active yes partial : attend attend act",
            "active yes total   : attend act    act");

    private static final Outcome[] OUTCOMES = parse();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public SsvcDecision decide(SsvcInputs in) {
        return decide(in.exploitation().value(), in.automatable().value(), in.technicalImpact().value(), in.mission().value());
    }

    public SsvcDecision decide(Exploitation e, Automatable a, TechnicalImpact t, Mission m) {
        int row = ((e.ordinal() * 2 + a.ordinal()) * 2 + t.ordinal()) * 3 + m.ordinal();
        Outcome outcome = OUTCOMES[row];
        String exploitation = e == Exploitation.POC ? "public poc" : e.key();
        return new SsvcDecision(outcome, ID, row,
                exploitation + "/" + a.key() + "/" + t.key() + "/" + m.key(), outcome.key());
    }

    private static Outcome[] parse() {
        Outcome[] out = new Outcome[36];
        for (int line = 0; line < ROWS.size(); line++) {
            String[] cols = ROWS.get(line).split(":")[1].trim().split("\\s+");
            for (int m = 0; m < 3; m++) out[line * 3 + m] = Outcome.fromKey(cols[m]);
        }
        return out;
    }
}
