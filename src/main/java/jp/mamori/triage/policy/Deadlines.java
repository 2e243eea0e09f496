package jp.mamori.triage.policy;

import jp.mamori.triage.ssvc.Outcome;

/** Days from the triage decision to the due date, per outcome (SPEC §4 defaults: 3, 14, 30, 90). */
public record Deadlines(int act, int attend, int trackStar, int track) {
    public static final Deadlines DEFAULTS = new Deadlines(3, 14, 30, 90);

    public Deadlines {
        if (act < 0 || attend < 0 || trackStar < 0 || track < 0) {
            throw new IllegalArgumentException("deadline days must not be negative");
        }
    }

    public int daysFor(Outcome outcome) {
        return switch (outcome) {
            case ACT -> act;
            case ATTEND -> attend;
            case TRACK_STAR -> trackStar;
            case TRACK -> track;
        };
    }
}
