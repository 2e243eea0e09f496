package jp.mamori.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.mamori.triage.ssvc.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The finding life cycle as a table: stored finding + what matching sees now → next state, deadline, events. */
class LifecycleTest {

    private static final LocalDate OLD_DUE = LocalDate.of(2026, 11, 29);
    private static final LocalDate TODAY_DUE = LocalDate.of(2026, 12, 6);
    private static final LocalDate PATCH_BY = LocalDate.of(2026, 12, 20);

    @ParameterizedTest(name = "{0} {1}, evidence {2}, outcome {3}→{4}, VEX {5}, decision {6} on {7}, now {8} → {9} {10} due {11}, supersede {12}, events {13}")
    @CsvSource(textBlock = """
            # state,            outcome, same evidence, old outcome, new outcome, suppressed, decision, decided on, criterion now, next state, change, due, supersede, events
            new,                act,  true,  act,    act,    false, ,         ,    <2.0, new,                UNCHANGED, old,      false, ''
            new,                act,  false, act,    act,    false, ,         ,    <2.0, new,                UPDATED,   old,      false, ''
            new,                act,  false, attend, act,    false, ,         ,    <2.0, new,                UPDATED,   today,    false, outcome_changed
            new,                act,  false, act,    attend, false, ,         ,    <2.0, new,                UPDATED,   old,      false, outcome_changed
            new,                act,  false, act,    act,    true,  ,         ,    <2.0, not_affected,       UPDATED,   old,      false, vex
            triaged,            act,  false, act,    act,    true,  ,         ,    <2.0, not_affected,       UPDATED,   old,      false, vex
            patch_scheduled,    act,  false, act,    act,    true,  patch,    <2.0, <2.0, patch_scheduled,    UPDATED,   patch-by, false, ''
            fixed,              act,  false, act,    act,    false, ,         ,    <2.0, new,                REOPENED,  today,    true,  reopened
            fixed,              act,  false, act,    act,    true,  ,         ,    <2.0, not_affected,       REOPENED,  today,    true,  reopened
            patch_scheduled,    act,  false, act,    act,    false, patch,    <2.0, <2.0, patch_scheduled,    UPDATED,   patch-by, false, ''
            mitigation_planned, act,  false, act,    act,    false, mitigate, <2.0, <2.0, mitigation_planned, UPDATED,   patch-by, false, ''
            mitigated,          act,  false, attend, act,    false, mitigate, <2.0, <2.0, mitigated,          UPDATED,   patch-by, false, outcome_changed
            mitigated,          act,  false, act,    act,    false, mitigate, <2.0, <3.0, new,                REOPENED,  today,    true,  match_changed
            risk_accepted,      act,  false, act,    act,    false, accept,   <2.0, <3.0, new,                REOPENED,  today,    true,  match_changed
            risk_accepted,      act,  false, act,    act,    false, accept,   <2.0, <2.0, risk_accepted,      UPDATED,   old,      false, ''
            not_affected,       act,  false, act,    act,    false, not-affected, <2.0, <2.0, not_affected,   UPDATED,   old,      false, ''
            """)
    void reMatch(String state, String ignored, boolean sameEvidence, String oldOutcome, String newOutcome, boolean suppressed,
                 String action, String decidedOn, String criterion, String nextState, Lifecycle.Change change, String due,
                 boolean supersede, String events) {
        Lifecycle.InForce decision = action == null ? null : new Lifecycle.InForce(DecisionAction.fromKey(action), decidedOn,
                action.equals("patch") || action.equals("mitigate") || action.equals("accept") ? PATCH_BY : null);
        Lifecycle.Stored stored = new Lifecycle.Stored(FindingState.fromKey(state), "{\"e\":1}", Outcome.fromKey(oldOutcome), OLD_DUE, decision);
        Lifecycle.Seen seen = new Lifecycle.Seen(sameEvidence ? "{\"e\":1}" : "{\"e\":2}", Outcome.fromKey(newOutcome), TODAY_DUE, suppressed,
                criterion, "purl/osv " + criterion, suppressed ? "VEX not_affected" : null);

        Lifecycle.Next next = Lifecycle.observe(stored, seen);

        assertThat(next.state()).isEqualTo(FindingState.fromKey(nextState));
        assertThat(next.change()).isEqualTo(change);
        assertThat(next.due()).isEqualTo(switch (due) {
            case "old" -> OLD_DUE;
            case "today" -> TODAY_DUE;
            case "patch-by" -> PATCH_BY;
            default -> throw new IllegalArgumentException(due);
        });
        assertThat(next.supersede() != null).isEqualTo(supersede);
        assertThat(next.events().stream().map(Lifecycle.Event::kind).toList())
                .isEqualTo(events.isEmpty() ? List.of() : List.of(events.split(" ")));
    }

    @Test
    void aNewFindingCountsItsDeadlineFromDetection() {
        Lifecycle.Next next = Lifecycle.observe(null, new Lifecycle.Seen("{}", Outcome.ACT, TODAY_DUE, false, "<2.0", "purl/osv <2.0", null));
        assertThat(next.change()).isEqualTo(Lifecycle.Change.DETECTED);
        assertThat(next.state()).isEqualTo(FindingState.NEW);
        assertThat(next.due()).isEqualTo(TODAY_DUE);
        assertThat(next.triageDue()).isEqualTo(TODAY_DUE);
        assertThat(next.events()).extracting(Lifecycle.Event::kind).containsExactly("detected");
    }

    @Test
    void aNewFindingAVexStatementCoversIsNotAffectedAtOnce() {
        Lifecycle.Next next = Lifecycle.observe(null, new Lifecycle.Seen("{}", Outcome.ACT, TODAY_DUE, true, "<2.0", "purl/osv <2.0", "VEX x"));
        assertThat(next.state()).isEqualTo(FindingState.NOT_AFFECTED);
        assertThat(next.events()).extracting(Lifecycle.Event::kind).containsExactly("detected", "vex");
    }

    @Test
    void theTriageDeadlineIsKeptApartFromTheDecisionsDate() {
        Lifecycle.Stored stored = new Lifecycle.Stored(FindingState.PATCH_SCHEDULED, "a", Outcome.ACT, OLD_DUE,
                new Lifecycle.InForce(DecisionAction.PATCH, "<2.0", PATCH_BY));
        Lifecycle.Next next = Lifecycle.observe(stored, new Lifecycle.Seen("b", Outcome.ACT, TODAY_DUE, false, "<2.0", "m", null));
        assertThat(next.due()).as("deadline in force").isEqualTo(PATCH_BY);
        assertThat(next.triageDue()).as("kept for a later reopen").isEqualTo(OLD_DUE);
    }

    @ParameterizedTest(name = "{0} with items finished {1} → {2}")
    @CsvSource(textBlock = """
            mitigate,       false, mitigation_planned
            mitigate,       true,  mitigated
            patch,          false, patch_scheduled
            accept,         false, risk_accepted
            triage,         true,  triaged
            not-affected,   true,  not_affected
            false-positive, true,  false_positive
            reopen,         true,  new
            """)
    void decisions(String action, boolean finished, String state) {
        assertThat(Lifecycle.decided(DecisionAction.fromKey(action), finished)).isEqualTo(FindingState.fromKey(state));
    }

    @ParameterizedTest(name = "{0} decided {1} → deadline {2}")
    @CsvSource(textBlock = """
            patch_scheduled,    patch,    patch-by
            mitigation_planned, mitigate, patch-by
            mitigated,          mitigate, patch-by
            risk_accepted,      accept,   triage
            triaged,            triage,   triage
            new,                reopen,   triage
            """)
    void theDeadlineInForceAfterADecision(String state, String action, String due) {
        LocalDate d = Lifecycle.decidedDue(FindingState.fromKey(state), DecisionAction.fromKey(action),
                action.equals("triage") || action.equals("reopen") ? null : PATCH_BY, OLD_DUE);
        assertThat(d).isEqualTo(due.equals("patch-by") ? PATCH_BY : OLD_DUE);
    }

    @ParameterizedTest(name = "{0}, all items finished {1} → {2}")
    @CsvSource(textBlock = """
            mitigation_planned, true,  mitigated
            mitigation_planned, false,
            mitigated,          false, mitigation_planned
            mitigated,          true,
            patch_scheduled,    true,
            new,                true,
            """)
    void mitigationItems(String state, boolean allFinished, String next) {
        Lifecycle.Event e = Lifecycle.mitigationProgress(FindingState.fromKey(state), allFinished);
        if (next == null) {
            assertThat(e).isNull();
        } else {
            assertThat(e.to()).isEqualTo(FindingState.fromKey(next));
            assertThat(e.from()).isEqualTo(FindingState.fromKey(state));
        }
    }

    @Test
    void everyStateThatOwesThePatchIsListedAndTheOthersAreNot() {
        assertThat(java.util.Arrays.stream(FindingState.values()).filter(FindingState::isOpen).toList()).containsExactly(
                FindingState.NEW, FindingState.TRIAGED, FindingState.PATCH_SCHEDULED, FindingState.MITIGATION_PLANNED, FindingState.MITIGATED);
    }
}
