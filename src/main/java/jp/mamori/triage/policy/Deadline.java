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
 */
public record Deadline(LocalDate dueDate, Basis basis, int policyDays, LocalDate policyDueDate, boolean overdue) {

    public enum Basis {
        /** decision date + the policy's days for the outcome */
        POLICY,
        /** the CISA KEV dueDate, which came earlier */
        KEV
    }
}
