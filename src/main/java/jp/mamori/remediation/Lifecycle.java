package jp.mamori.remediation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.mamori.assessment.FindingOrder;
import jp.mamori.triage.ssvc.Outcome;

/**
 * The life cycle of one finding as a pure function (issue 11 item 4): what is stored of a finding and
 * what matching sees now, or a person's decision, or the progress of its mitigation items, give the next
 * state, the deadline in force and the events to record. {@link FindingRecorder}, {@link FindingWorkflow}
 * and the mitigation service only persist what this returns; {@code LifecycleTest} holds the table.
 *
 * <p>Deadlines: the triage deadline counts from first detection (or from the day the outcome rose, or the
 * finding came back) and is kept by daily re-matching; a decision with a patch-by date (patch, mitigate)
 * makes that date the deadline in force for as long as the decision stands.
 */
public final class Lifecycle {

    private Lifecycle() { }

    /** The decision in force on a finding. */
    public record InForce(DecisionAction action, String criterion, LocalDate until) { }

    /**
     * A finding as stored.
     *
     * @param triageDue the triage deadline already given (null for rows written before it was kept apart)
     * @param decision  the decision in force, or null
     */
    public record Stored(FindingState state, String evidence, Outcome outcome, LocalDate triageDue, InForce decision) { }

    /**
     * What matching sees now.
     *
     * @param triageDue  the triage deadline if the outcome were decided today
     * @param suppressed a VEX statement says not affected
     * @param matchText  "purl/osv >=1.0 <1.2", for the detected event
     * @param vexText    the VEX statement, for the vex event (null when none)
     */
    public record Seen(String evidence, Outcome outcome, LocalDate triageDue, boolean suppressed, String criterion, String matchText,
                       String vexText) { }

    /** Which counter of {@link FindingRecorder.Result} the change goes to. */
    public enum Change { DETECTED, REOPENED, UPDATED, UNCHANGED }

    /** A finding_event to record. */
    public record Event(String kind, FindingState from, FindingState to, String detail) { }

    /**
     * @param supersede the reason to end the decision in force (null: it stands)
     */
    public record Next(Change change, FindingState state, LocalDate triageDue, LocalDate due, String supersede, List<Event> events) {
        public Next {
            events = List.copyOf(events);
        }
    }

    /** A new finding ({@code stored} null) or a re-match of a stored one. */
    public static Next observe(Stored stored, Seen seen) {
        Objects.requireNonNull(seen, "seen");
        List<Event> events = new ArrayList<>();
        if (stored == null) {
            FindingState initial = seen.suppressed() ? FindingState.NOT_AFFECTED : FindingState.NEW;
            events.add(new Event("detected", null, initial, seen.matchText()));
            if (initial == FindingState.NOT_AFFECTED) events.add(new Event("vex", FindingState.NEW, initial, seen.vexText()));
            return new Next(Change.DETECTED, initial, seen.triageDue(), seen.triageDue(), null, events);
        }
        FindingState state = stored.state();
        FindingState next = state;
        if (state == FindingState.FIXED) next = seen.suppressed() ? FindingState.NOT_AFFECTED : FindingState.NEW;
        else if (seen.suppressed() && (state == FindingState.NEW || state == FindingState.TRIAGED)) next = FindingState.NOT_AFFECTED;
        InForce decision = stored.decision();
        LocalDate keptDue = deadline(state, stored.triageDue(), decision);
        if (Objects.equals(seen.evidence(), stored.evidence()) && next == state) {
            return new Next(Change.UNCHANGED, state, stored.triageDue(), keptDue, null, events);
        }
        // A decision speaks for the match it was made on: the same range in a newer SBOM keeps it, a different one asks again.
        String changedFrom = null;
        if (next == state && state.decided() && decision != null && decision.criterion() != null && seen.criterion() != null
                && !decision.criterion().equals(seen.criterion())) {
            changedFrom = decision.criterion();
            next = FindingState.NEW;
        }
        boolean reopened = state == FindingState.FIXED;
        boolean raised = raised(stored.outcome(), seen.outcome());
        // Keep the deadline already given (a daily re-match must not push it out), unless the finding is reopened,
        // its match changed or its outcome rose: then the new deadline counts from today.
        LocalDate triageDue = seen.triageDue();
        if (triageDue != null && stored.triageDue() != null && !reopened && changedFrom == null && !raised) {
            triageDue = stored.triageDue().isBefore(triageDue) ? stored.triageDue() : triageDue;
        }
        String supersede = null;
        Change change;
        if (reopened) {
            supersede = "解消後に再び該当 / matched again after being fixed";
            events.add(new Event("reopened", state, next, "再び該当 / matches again: " + seen.criterion()));
            change = Change.REOPENED;
        } else if (changedFrom != null) {
            supersede = "一致条件の変更 / the match changed";
            events.add(new Event("match_changed", state, next, "一致条件が変わったため判断を見直してください / the match changed, decide again: "
                    + changedFrom + " → " + seen.criterion()));
            change = Change.REOPENED;
        } else {
            if (next != state) events.add(new Event("vex", state, next, seen.vexText()));
            if (stored.outcome() != null && seen.outcome() != null && stored.outcome() != seen.outcome()) {
                events.add(new Event("outcome_changed", state, next, stored.outcome().key() + " → " + seen.outcome().key()));
            }
            change = Change.UPDATED;
        }
        LocalDate due = deadline(next, triageDue, supersede == null ? decision : null);
        return new Next(change, next, triageDue, due, supersede, events);
    }

    /**
     * The state a person's decision leads to. A mitigation is planned until every item it requires is done
     * (then mitigated; with no item to do it is mitigated at once).
     */
    public static FindingState decided(DecisionAction action, boolean mitigationItemsFinished) {
        if (action == DecisionAction.MITIGATE) return mitigationItemsFinished ? FindingState.MITIGATED : FindingState.MITIGATION_PLANNED;
        return action.target();
    }

    /** The deadline in force after a decision. */
    public static LocalDate decidedDue(FindingState to, DecisionAction action, LocalDate until, LocalDate triageDue) {
        return deadline(to, triageDue, new InForce(action, null, until));
    }

    /**
     * A mitigation item changed: the state that follows from whether all items of the finding are finished,
     * or null when the state stays. Only a planned or applied mitigation moves.
     */
    public static Event mitigationProgress(FindingState state, boolean allFinished) {
        if (state == FindingState.MITIGATION_PLANNED && allFinished) {
            return new Event("mitigated", state, FindingState.MITIGATED,
                    "回避策の項目がすべて完了しました（パッチは引き続き必要） / every mitigation item is done (the patch is still owed)");
        }
        if (state == FindingState.MITIGATED && !allFinished) {
            return new Event("mitigation_reopened", state, FindingState.MITIGATION_PLANNED,
                    "未完了の回避策項目があります / a mitigation item is not done");
        }
        return null;
    }

    /**
     * The deadline in force: the decision's patch-by date while a patch or mitigation decision stands,
     * else the triage deadline.
     */
    public static LocalDate deadline(FindingState state, LocalDate triageDue, InForce decision) {
        return decisionSetsDeadline(state, decision) ? decision.until() : triageDue;
    }

    /**
     * Whether the decision's date is the deadline in force in this state: a patch or mitigation decision with a
     * patch-by date while the finding is held to it. {@link DeadlineReason} asks the same question to say why.
     */
    public static boolean decisionSetsDeadline(FindingState state, InForce decision) {
        return decision != null && decision.until() != null && state.heldToDecisionDate()
                && (decision.action() == DecisionAction.PATCH || decision.action() == DecisionAction.MITIGATE);
    }

    private static boolean raised(Outcome before, Outcome after) {
        if (before == null || after == null || before == after) return false;
        return FindingOrder.outcomeRank(after) > FindingOrder.outcomeRank(before);
    }
}
