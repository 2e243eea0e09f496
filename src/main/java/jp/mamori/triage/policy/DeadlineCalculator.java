package jp.mamori.triage.policy;

import java.time.LocalDate;
import java.util.Objects;
import jp.mamori.triage.ssvc.Outcome;

/**
 * Due date = decision date (first detection, or the day the outcome rose) + the policy's days for the
 * outcome, never later than a KEV dueDate that lies on or after that date (SPEC §4, issue 12). A KEV
 * dueDate that had already passed on the decision date is kept as a fact ({@link Deadline#kevDueDate()},
 * basis {@link Deadline.Basis#KEV_PASSED_BEFORE_DETECTION}) and does not make the finding overdue on its
 * first day. The strict reading (every earlier KEV dueDate caps, even a past one) is a policy switch.
 */
public final class DeadlineCalculator {
    private final Deadlines deadlines;
    private final boolean strictKev;

    public DeadlineCalculator(Deadlines deadlines) {
        this(deadlines, false);
    }

    /** @param strictKev a KEV dueDate earlier than the policy's date is the deadline even when it passed before detection */
    public DeadlineCalculator(Deadlines deadlines, boolean strictKev) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.strictKev = strictKev;
    }

    /**
     * @param decisionDate the date of the triage decision (Asia/Tokyo by default policy)
     * @param kevDueDate   the KEV dueDate, or null when not in KEV
     * @param today        today in the same zone, for the overdue flag
     */
    public Deadline due(Outcome outcome, LocalDate decisionDate, LocalDate kevDueDate, LocalDate today) {
        int days = deadlines.daysFor(outcome);
        LocalDate byPolicy = decisionDate.plusDays(days);
        boolean kevEarlier = kevDueDate != null && kevDueDate.isBefore(byPolicy);
        boolean kevPassed = kevEarlier && !strictKev && kevDueDate.isBefore(decisionDate);
        Deadline.Basis basis = kevPassed ? Deadline.Basis.KEV_PASSED_BEFORE_DETECTION : kevEarlier ? Deadline.Basis.KEV : Deadline.Basis.POLICY;
        LocalDate due = basis == Deadline.Basis.KEV ? kevDueDate : byPolicy;
        return new Deadline(due, basis, days, byPolicy, due.isBefore(today), kevDueDate);
    }
}
