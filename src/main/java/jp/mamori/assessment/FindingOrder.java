package jp.mamori.assessment;

import java.time.LocalDate;
import java.util.Comparator;
import jp.mamori.triage.ssvc.Outcome;

/** "What first": outcome (Act first), then the earliest due date, then the higher CVSS score. */
public final class FindingOrder {
    private FindingOrder() { }

    public static int outcomeRank(Outcome o) {
        if (o == null) return 0;
        return switch (o) {
            case ACT -> 4;
            case ATTEND -> 3;
            case TRACK_STAR -> 2;
            case TRACK -> 1;
        };
    }

    public static final Comparator<AssessedFinding> PRIORITY = Comparator
            .comparingInt((AssessedFinding f) -> -outcomeRank(f.triage() == null ? null : f.triage().outcome()))
            .thenComparing(f -> f.triage() == null ? LocalDate.MAX : f.triage().dueDate())
            .thenComparing(f -> -(f.triage() == null || f.triage().cvss().baseScore() == null ? 0 : f.triage().cvss().baseScore()))
            .thenComparing(f -> f.match().vulnId());
}
