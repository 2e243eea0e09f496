package jp.mamori.remediation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which decisions a person may record in which state. FIXED is left only by matching (the finding
 * comes back); an open finding may get any response; a response may be changed for another (plans
 * change) or renewed (a new date); a finding judged not affected or a false positive is only reopened.
 */
public final class Transitions {

    private static final Map<FindingState, Set<DecisionAction>> ALLOWED = new EnumMap<>(FindingState.class);

    static {
        Set<DecisionAction> responses = EnumSet.of(DecisionAction.PATCH, DecisionAction.MITIGATE, DecisionAction.ACCEPT,
                DecisionAction.NOT_AFFECTED, DecisionAction.FALSE_POSITIVE);
        Set<DecisionAction> fromNew = EnumSet.copyOf(responses);
        fromNew.add(DecisionAction.TRIAGE);
        ALLOWED.put(FindingState.NEW, fromNew);
        ALLOWED.put(FindingState.TRIAGED, EnumSet.copyOf(responses));
        Set<DecisionAction> decided = EnumSet.copyOf(responses);
        decided.add(DecisionAction.REOPEN);
        ALLOWED.put(FindingState.PATCH_SCHEDULED, decided);
        ALLOWED.put(FindingState.MITIGATION_PLANNED, decided);
        ALLOWED.put(FindingState.MITIGATED, decided);
        ALLOWED.put(FindingState.RISK_ACCEPTED, decided);
        ALLOWED.put(FindingState.NOT_AFFECTED, EnumSet.of(DecisionAction.REOPEN));
        ALLOWED.put(FindingState.FALSE_POSITIVE, EnumSet.of(DecisionAction.REOPEN));
        ALLOWED.put(FindingState.FIXED, EnumSet.noneOf(DecisionAction.class));
    }

    private Transitions() { }

    public static boolean allowed(FindingState from, DecisionAction action) {
        return ALLOWED.get(from).contains(action);
    }

    public static Set<DecisionAction> allowedFrom(FindingState from) {
        return EnumSet.copyOf(ALLOWED.get(from)); // every value is an EnumSet, so an empty one copies too
    }

    /** Throws, naming both states, when the decision is not allowed in the finding's state. */
    public static void check(long findingId, FindingState from, DecisionAction action) {
        if (allowed(from, action)) return;
        FindingState to = action.target();
        String hint = from == FindingState.FIXED
                ? "解消済みの検出は、再び該当したときに自動で再開されます"
                : "この状態から可能な判断: " + keys(from);
        String hintEn = from == FindingState.FIXED
                ? "a fixed finding is reopened automatically when it matches again"
                : "allowed here: " + keys(from);
        throw new WorkflowException("検出 #" + findingId + " は「" + from.ja() + "」(" + from.key() + ") から「" + to.ja() + "」("
                + to.key() + ") にできません。" + hint,
                "finding #" + findingId + ": transition " + from.key() + " → " + to.key() + " is not allowed; " + hintEn);
    }

    private static String keys(FindingState from) {
        StringBuilder sb = new StringBuilder();
        for (DecisionAction a : ALLOWED.get(from)) sb.append(sb.length() == 0 ? "" : ", ").append(a.key());
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
