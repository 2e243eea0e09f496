package jp.mamori.triage.policy;

import java.time.LocalDate;
import java.util.Objects;
import jp.mamori.triage.ssvc.Outcome;

/**
 * Due date = decision date + the policy's days for the outcome, never later than a KEV dueDate
 * (SPEC §4). A KEV dueDate already in the past is kept as it is and the finding is overdue: moving
 * it to today would hide that the federal deadline has been missed.
 */
public final class DeadlineCalculator {
    private final Deadlines deadlines;

    public DeadlineCalculator(Deadlines deadlines) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
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
        LocalDate due = kevEarlier ? kevDueDate : byPolicy;
        return new Deadline(due, kevEarlier ? Deadline.Basis.KEV : Deadline.Basis.POLICY, days, byPolicy, due.isBefore(today));
    }
}
