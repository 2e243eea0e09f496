package jp.mamori.web.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.CvssScore;
import jp.mamori.app.detection.AttackTraces;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.remediation.DeadlineReason;
import jp.mamori.remediation.FindingSummary;

/**
 * {@code GET /api/v1/findings/{id}}: the row's fields first (unwrapped), then the evidence and the page's summary.
 * {@code evidence} stays a map: it is the stored evidence document, whose keys differ by how the finding matched.
 */
@JsonPropertyOrder({"evidence", "cvssAll", "lastSeen", "closedAt", "history", "attackTraces", "stateJa", "deadlineReason",
        "nextAction", "decision"})
public record FindingDetailJson(@JsonUnwrapped FindingJson row, Map<String, Object> evidence, List<CvssScore> cvssAll,
                                Instant lastSeen, Instant closedAt, List<FindingViews.HistoryEvent> history, Traces attackTraces,
                                String stateJa, Reason deadlineReason, Bilingual nextAction, DecisionView decision) {

    /** Whether the attack traces were looked for in the logs, over which period, and which detections were found. */
    @JsonPropertyOrder({"status", "statusJa", "since", "coveredFrom", "coveredTo", "logFiles", "gap", "detections"})
    public record Traces(String status, String statusJa, String since, String coveredFrom, String coveredTo, int logFiles,
                         boolean gap, List<Long> detections) {

        static Traces of(AttackTraces t) {
            if (t == null) return null;
            return new Traces(t.status().key(), t.status().ja(), DetectionViews.time(t.published()), DetectionViews.time(t.coveredFrom()),
                    DetectionViews.time(t.coveredTo()), t.files(), t.gap(), t.traces().stream().map(x -> x.id()).toList());
        }
    }

    /** The deadline in force: its kind, date, basis and the KEV fact in both languages. */
    @JsonPropertyOrder({"kind", "due", "ja", "en", "basisJa", "basisEn", "policyDays", "countedFrom", "kevDueDate",
            "kevPassedBeforeDetection", "setBy", "decisionReason"})
    public record Reason(String kind, String due, String ja, String en, String basisJa, String basisEn, Integer policyDays,
                         String countedFrom, String kevDueDate, boolean kevPassedBeforeDetection, String setBy, String decisionReason) {

        static Reason of(DeadlineReason r) {
            return new Reason(r.kind().key(), text(r.due()), r.ja(), r.en(), r.basisJa(), r.basisEn(), r.policyDays(),
                    text(r.countedFrom()), text(r.kevDueDate()), r.kevPassedBeforeDetection(), r.decidedBy(), r.decisionReason());
        }
    }

    @JsonPropertyOrder({"ja", "en"})
    public record Bilingual(String ja, String en) { }

    static FindingDetailJson of(FindingJson row, FindingViews.Detail d, AttackTraces traces, FindingSummary s, DecisionView decision) {
        return new FindingDetailJson(row, d.evidence(), d.allCvss(), d.lastSeen(), d.closedAt(), d.history(), Traces.of(traces),
                s.state().ja(), Reason.of(s.deadline()), new Bilingual(s.next().ja(), s.next().en()), decision);
    }

    private static String text(Object date) {
        return date == null ? null : date.toString();
    }
}
