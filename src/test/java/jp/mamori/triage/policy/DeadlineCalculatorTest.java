package jp.mamori.triage.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.mamori.triage.ssvc.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {
    private final DeadlineCalculator calculator = new DeadlineCalculator(Deadlines.DEFAULTS);

    @ParameterizedTest(name = "{0} decided {1}, KEV due {2}, today {3} -> {4} ({5}, overdue {6})")
    @CsvSource(textBlock = """
            # outcome,  decided,    kevDue,     today,      due,        basis,  overdue
            ACT,        2026-11-26, ,           2026-11-26, 2026-11-29, POLICY, false
            ATTEND,     2026-11-26, ,           2026-11-26, 2026-12-10, POLICY, false
            TRACK_STAR, 2026-11-26, ,           2026-11-26, 2026-12-26, POLICY, false
            TRACK,      2026-11-26, ,           2026-11-26, 2027-02-24, POLICY, false
            TRACK,      2026-11-26, 2026-12-17, 2026-11-26, 2026-12-17, KEV,    false
            ACT,        2026-11-26, 2026-12-17, 2026-11-26, 2026-11-29, POLICY, false
            ACT,        2026-11-26, 2026-11-29, 2026-11-26, 2026-11-29, POLICY, false
            ACT,        2026-11-26, 2023-11-08, 2026-11-26, 2026-11-29, KEV_PASSED_BEFORE_DETECTION, false
            ACT,        2026-11-26, 2026-11-25, 2026-11-26, 2026-11-29, KEV_PASSED_BEFORE_DETECTION, false
            ACT,        2026-11-26, 2026-11-26, 2026-11-26, 2026-11-26, KEV,    false
            ATTEND,     2026-11-26, 2026-11-30, 2026-12-02, 2026-11-30, KEV,    true
            ATTEND,     2026-11-01, ,           2026-11-26, 2026-11-15, POLICY, true
            ACT,        2026-11-26, ,           2026-11-29, 2026-11-29, POLICY, false
            """)
    void dueDateIsPolicyDaysCappedByKev(Outcome outcome, LocalDate decided, LocalDate kevDue, LocalDate today,
                                        LocalDate due, Deadline.Basis basis, boolean overdue) {
        Deadline d = calculator.due(outcome, decided, kevDue, today);
        assertThat(d.dueDate()).isEqualTo(due);
        assertThat(d.basis()).isEqualTo(basis);
        assertThat(d.overdue()).isEqualTo(overdue);
        assertThat(d.policyDays()).isEqualTo(Deadlines.DEFAULTS.daysFor(outcome));
        assertThat(d.policyDueDate()).isEqualTo(decided.plusDays(d.policyDays()));
        assertThat(d.kevDueDate()).isEqualTo(kevDue);
    }

    @ParameterizedTest(name = "strict: {0} decided {1}, KEV due {2} -> {3} ({4})")
    @CsvSource(textBlock = """
            ACT,    2026-11-26, 2023-11-08, 2023-11-08, KEV
            ACT,    2026-11-26, 2026-12-17, 2026-11-29, POLICY
            TRACK,  2026-11-26, 2026-12-17, 2026-12-17, KEV
            """)
    void theStrictReadingLetsAPastKevDateBeTheDeadline(Outcome outcome, LocalDate decided, LocalDate kevDue, LocalDate due,
                                                       Deadline.Basis basis) {
        Deadline d = new DeadlineCalculator(Deadlines.DEFAULTS, true).due(outcome, decided, kevDue, decided);
        assertThat(d.dueDate()).isEqualTo(due);
        assertThat(d.basis()).isEqualTo(basis);
    }
}
