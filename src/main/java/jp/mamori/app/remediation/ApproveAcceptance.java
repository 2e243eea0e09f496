package jp.mamori.app.remediation;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.notify.Notifier;
import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.FindingWorkflow;

/**
 * "Approve a risk acceptance" (issue 18.5): the security officer named as approver approves a
 * pending acceptance with their own action; the decision is stored and audited with them as the
 * actor, in one transaction, then followed up. From the API ({@code POST /api/v1/approvals/{id}/approve})
 * and the CLI ({@code findings approve}).
 */
public final class ApproveAcceptance {

    private final Mamori mamori;

    public ApproveAcceptance(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(DecisionResult decision, Notifier.Report notifications) { }

    /** @throws FindingWorkflow.NotTheApproverException when the actor is not the named approver */
    public Result run(Actor actor, long orgId, long requestId) {
        FindingRow row = mamori.acceptanceRequests().find(orgId, requestId).flatMap(q -> mamori.findings().find(orgId, q.findingId()))
                .orElseThrow(() -> new FindingWorkflow.NoSuchAcceptanceRequestException(requestId));
        DecisionResult r = mamori.workflow().approveAcceptance(orgId, requestId, actor.name(), (c, result, recorded) -> {
            Audited.record(mamori, c, actor, orgId, Audited.ACCEPTANCE_APPROVED, "finding:" + result.findingId(),
                    "acceptance_request:" + requestId + " " + DecideFinding.describe(row, result, recorded) + " requested_by=" + recorded.actor());
        });
        return new Result(r, mamori.followUp().now());
    }
}
