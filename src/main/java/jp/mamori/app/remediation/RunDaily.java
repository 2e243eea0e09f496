package jp.mamori.app.remediation;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.schedule.DailyReport;

/** "The morning run": overdue findings, escalations, expiring acceptances and the digests, audited as one entry. */
public final class RunDaily {

    private final Mamori mamori;

    public RunDaily(Mamori mamori) {
        this.mamori = mamori;
    }

    public DailyReport run(Actor actor) {
        DailyReport r = mamori.scheduler().runDaily(mamori.clock());
        Audited.record(mamori, actor, null, Audited.DAILY_RUN, "remediation", String.valueOf(r));
        return r;
    }
}
