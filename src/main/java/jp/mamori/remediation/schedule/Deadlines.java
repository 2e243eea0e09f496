package jp.mamori.remediation.schedule;

import java.time.LocalDate;
import jp.mamori.remediation.FindingState;

/**
 * The date a finding is held to. The finding's due_date is already the deadline in force (the triage
 * deadline, or the patch-by date of a patch or mitigation decision, see {@link jp.mamori.remediation.Lifecycle});
 * the decision's date is taken as well for rows written before that was so.
 */
public final class Deadlines {
    private Deadlines() { }

    public static LocalDate effective(FindingState state, LocalDate due, LocalDate decisionUntil) {
        if (state.heldToDecisionDate() && decisionUntil != null) return decisionUntil;
        return due;
    }

    /** States whose deadline is watched: every state that still owes the patch. */
    public static boolean watched(FindingState state) {
        return state.isOpen();
    }
}
