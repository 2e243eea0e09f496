package jp.mamori.triage.ssvc;

/**
 * Which row of which decision table fired.
 *
 * @param outcome      the Mamori outcome
 * @param table        table id and version, e.g. "cisa_coordinator 2.0.3"
 * @param row          the row number in CERT/CC's published CSV (0-based, as there)
 * @param inputs       the row's inputs in the table's column order, e.g. "active/yes/total/high"
 * @param tableOutcome the table's own outcome key, e.g. "act" or "out-of-cycle"
 */
public record SsvcDecision(Outcome outcome, String table, int row, String inputs, String tableOutcome) {

    /** E.g. "cisa_coordinator 2.0.3 row 35: active/yes/total/high → Act". */
    public String ruleText() {
        String out = tableOutcome.equals(outcome.key()) ? outcome.display() : tableOutcome + " (" + outcome.display() + ")";
        return table + " row " + row + ": " + inputs + " → " + out;
    }
}
