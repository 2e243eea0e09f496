package jp.mamori.app.remediation;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.NoSuchFindingException;
import jp.mamori.remediation.SameProduct;
import jp.mamori.notify.Notifier;

/**
 * "Decide on a finding" (patch, mitigate, accept, not affected, …): validated by the workflow's
 * rules, stored with its audit entry in one transaction, then followed up (notifications of the
 * change) — the same from the CLI, the web page and the API. Who may decide what (scope, the
 * vendor's limits) is the front end's access check, before this is called.
 */
public final class DecideFinding {

    private final Mamori mamori;

    public DecideFinding(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(DecisionResult decision, Notifier.Report notifications) { }

    public Result run(Actor actor, long orgId, long findingId, Decision decision) {
        FindingRow row = mamori.findings().find(orgId, findingId).orElseThrow(() -> new NoSuchFindingException(findingId));
        DecisionResult r = mamori.workflow().decide(orgId, findingId, decision, (c, result, recorded) -> {
            if (result.pending()) {
                Audited.record(mamori, c, actor, orgId, Audited.ACCEPTANCE_REQUESTED, "finding:" + findingId,
                        "acceptance_request:" + result.pendingApproval() + " approver=" + recorded.approver() + " until=" + recorded.until()
                                + " asset=" + row.assetCode() + " vuln=" + row.vulnId() + " reason=" + recorded.reason());
            } else {
                Audited.record(mamori, c, actor, orgId, Audited.FINDING_DECIDED, "finding:" + findingId, describe(row, result, recorded));
            }
        });
        return new Result(r, mamori.followUp().now());
    }

    /** The same decision for every finding of the vulnerability on the same product; nothing is stored unless confirmed. */
    public SameProduct.Result sameProduct(Actor actor, long orgId, long findingId, Decision decision, boolean confirmed) {
        SameProduct.Result r = mamori.workflow().applyToSameProduct(orgId, findingId, decision, confirmed);
        if (r.applied()) {
            for (DecisionResult d : r.results()) {
                FindingRow row = mamori.findings().find(orgId, d.findingId()).orElseThrow();
                Audited.record(mamori, actor, orgId, Audited.FINDING_DECIDED, "finding:" + d.findingId(),
                        describe(row, d, decision) + " same_product_of=" + findingId);
            }
            mamori.followUp().now();
        }
        return r;
    }

    static String describe(FindingRow row, DecisionResult r, Decision d) {
        return "decision:" + r.decisionId() + " action=" + d.action().key() + " " + r.from().key() + "->" + r.to().key()
                + (d.until() == null ? "" : " until=" + d.until())
                + (d.approver() == null ? "" : " approver=" + d.approver())
                + (d.justification() == null ? "" : " justification=" + d.justification().key())
                + " asset=" + row.assetCode() + " vuln=" + row.vulnId() + " reason=" + d.reason();
    }
}
