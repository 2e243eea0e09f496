package jp.mamori.web.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import jp.mamori.remediation.AcceptanceRequest;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.remediation.mitigation.Mitigation;

/**
 * A finding's decision panel as the finding page ({@code remediation/decision.html}) and the API
 * ({@code "decision"}) show it: state, the decision in force, its history (newest first), the
 * mitigation items, pending risk acceptances and — for a caller who may write — what the forms offer
 * (the approvers, justifications and statuses are left out of the JSON for a reader). Dates and times
 * are ISO strings, as the API has always written them.
 */
@JsonPropertyOrder({"findingId", "state", "current", "history", "mitigations", "pendingApprovals", "canWrite", "allowedActions",
        "approvers", "justifications", "statuses"})
public record DecisionView(long findingId, KeyJa state, Decided current, List<Decided> history, List<Item> mitigations,
                           List<Approval> pendingApprovals, boolean canWrite, List<Action> allowedActions,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Approver> approvers,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<KeyJa> justifications,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<KeyJa> statuses) {

    /** A value of a closed list: its key and its Japanese name. */
    @JsonPropertyOrder({"key", "ja"})
    public record KeyJa(String key, String ja) { }

    /** A decision the form may record now. */
    @JsonPropertyOrder({"key", "ja", "en", "needsDate"})
    public record Action(String key, String ja, String en, boolean needsDate) {
        static Action of(DecisionAction a) {
            return new Action(a.key(), a.ja(), a.en(), a.needsDate());
        }
    }

    /** A security officer who may approve a risk acceptance. */
    @JsonPropertyOrder({"username", "label"})
    public record Approver(String username, String label) { }

    /** One recorded decision. */
    @JsonPropertyOrder({"id", "action", "actionJa", "actionEn", "fromState", "toState", "reason", "actor", "approver", "until",
            "justification", "evidenceLinks", "decidedAt", "componentVersion", "current", "supersededAt", "supersededReason"})
    public record Decided(long id, String action, String actionJa, String actionEn, String fromState, String toState, String reason,
                          String actor, String approver, String until, String justification, List<String> evidenceLinks,
                          String decidedAt, String componentVersion, boolean current, String supersededAt, String supersededReason) {
        static Decided of(StoredDecision d) {
            return new Decided(d.id(), d.action().key(), d.action().ja(), d.action().en(), d.fromState().key(), d.toState().key(),
                    d.reason(), d.actor(), d.approver(), text(d.until()), d.justification(), d.evidenceLinks(), d.decidedAt().toString(),
                    d.componentVersion(), d.current(), text(d.supersededAt()), d.supersededReason());
        }
    }

    /** One mitigation item; a link only when it is http(s). */
    @JsonPropertyOrder({"id", "source", "titleJa", "titleEn", "details", "url", "status", "statusJa", "owner", "reviewDate", "updatedAt",
            "updatedBy"})
    public record Item(long id, String source, String titleJa, String titleEn, String details, String url, String status, String statusJa,
                       String owner, String reviewDate, String updatedAt, String updatedBy) {
        static Item of(Mitigation x) {
            return new Item(x.id(), x.source().key(), x.titleJa(), x.titleEn(), x.details(),
                    x.url() != null && (x.url().startsWith("https://") || x.url().startsWith("http://")) ? x.url() : null,
                    x.status().key(), x.status().ja(), x.owner(), text(x.reviewDate()), x.updatedAt().toString(), x.updatedBy());
        }
    }

    /** A risk acceptance waiting for its approver; {@code canApprove} for that approver. */
    @JsonPropertyOrder({"id", "findingId", "requestedBy", "approver", "reason", "until", "requestedAt", "state", "canApprove"})
    public record Approval(long id, long findingId, String requestedBy, String approver, String reason, String until, String requestedAt,
                           String state, boolean canApprove) {
        static Approval of(AcceptanceRequest r, boolean canApprove) {
            return new Approval(r.id(), r.findingId(), r.requestedBy(), r.approver(), r.reason(), r.until().toString(),
                    r.requestedAt().toString(), r.state(), canApprove);
        }
    }

    /** {@code POST /api/v1/findings/{id}/decision}'s answer (201); {@code pendingApproval} only when the decision waits for one. */
    @JsonPropertyOrder({"decisionId", "findingId", "from", "to", "mitigationsAdded", "pendingApproval", "decision"})
    public record Recorded(long decisionId, long findingId, String from, String to, int mitigationsAdded,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long pendingApproval, DecisionView decision) {
        static Recorded of(DecisionResult r, DecisionView decision) {
            return new Recorded(r.decisionId(), r.findingId(), r.from().key(), r.to().key(), r.mitigationsAdded(),
                    r.pending() ? r.pendingApproval() : null, decision);
        }
    }

    /** {@code POST /api/v1/approvals/{id}/approve}'s answer. */
    @JsonPropertyOrder({"decisionId", "findingId", "from", "to", "decision"})
    public record Approved(long decisionId, long findingId, String from, String to, DecisionView decision) {
        static Approved of(DecisionResult r, DecisionView decision) {
            return new Approved(r.decisionId(), r.findingId(), r.from().key(), r.to().key(), decision);
        }
    }

    private static String text(Object dateOrTime) {
        return dateOrTime == null ? null : dateOrTime.toString();
    }
}
