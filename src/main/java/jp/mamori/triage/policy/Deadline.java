package jp.mamori.triage.policy;

import java.time.LocalDate;

/**
 * When a finding must be handled.
 *
 * @param dueDate       the due date
 * @param basis         whether the policy's days or the KEV due date decided it
 * @param policyDays    the policy's days for the outcome
 * @param policyDueDate decision date + policy days (equal to dueDate when basis is POLICY)
 * @param overdue       the due date is before today
 * @param kevDueDate    the CISA KEV dueDate when the vulnerability is in KEV (shown as a fact even when it is not the deadline)
 */
public record Deadline(LocalDate dueDate, Basis basis, int policyDays, LocalDate policyDueDate, boolean overdue, LocalDate kevDueDate) {

    public Deadline(LocalDate dueDate, Basis basis, int policyDays, LocalDate policyDueDate, boolean overdue) {
        this(dueDate, basis, policyDays, policyDueDate, overdue, null);
    }

    public enum Basis {
        /** decision date + the policy's days for the outcome */
        POLICY,
        /** the CISA KEV dueDate, which came earlier */
        KEV,
        /**
         * decision date + the policy's days, because the CISA KEV dueDate had already passed when the finding was
         * first seen: a federal date that lapsed before the municipality knew of the finding is evidence, not its deadline
         */
        KEV_PASSED_BEFORE_DETECTION
    }
}
