package jp.mamori.app.partners;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.ReadinessDiff;
import jp.mamori.partners.ReadinessReport;
import jp.mamori.partners.ReadinessSnapshot;

/** Issues the readiness report: an immutable, dated snapshot whose SHA-256 goes into the audit log, with the diff against the previous one. */
public final class IssueReadinessReport {
    private final Mamori mamori;

    public IssueReadinessReport(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(ReadinessSnapshot snapshot, ReadinessDiff diff) { }

    public Result run(Actor actor, long orgId) {
        Organization org = mamori.inventory().organizationById(orgId).orElseThrow();
        ReadinessReport report = mamori.partners().readiness(orgId, org.code(), org.name(), mamori.today());
        ReadinessSnapshot s = mamori.database().inUnitOfWork(c -> {
            ReadinessSnapshot snap = mamori.readinessReports().issue(c, orgId, report, actor.name(), mamori.clock().instant());
            Audited.record(mamori, c, actor, orgId, Audited.READINESS_ISSUED, "readiness:" + snap.id(), "sha256=" + snap.sha256()
                    + " red=" + report.count(jp.mamori.partners.Status.RED) + " amber=" + report.count(jp.mamori.partners.Status.AMBER)
                    + " green=" + report.count(jp.mamori.partners.Status.GREEN));
            return snap;
        });
        ReadinessSnapshot previous = mamori.readinessReports().previous(orgId, s.id()).orElse(null);
        return new Result(s, ReadinessDiff.between(previous, s));
    }
}
