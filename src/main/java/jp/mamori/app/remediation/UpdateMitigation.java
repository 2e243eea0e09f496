package jp.mamori.app.remediation;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.remediation.mitigation.MitigationService;

/** "Update a mitigation item" (status, owner, review date), audited in the same transaction. */
public final class UpdateMitigation {

    private final Mamori mamori;

    public UpdateMitigation(Mamori mamori) {
        this.mamori = mamori;
    }

    public Mitigation run(Actor actor, long orgId, long itemId, MitigationService.Update update) {
        Mitigation m = mamori.mitigations().update(orgId, itemId, update, actor.name(), (c, x) ->
                Audited.record(mamori, c, actor, orgId, Audited.MITIGATION_UPDATED, "finding:" + x.findingId(),
                        "mitigation:" + itemId + " status=" + x.status().key()
                                + (x.owner() == null ? "" : " owner=" + x.owner()) + (x.reviewDate() == null ? "" : " review=" + x.reviewDate())));
        mamori.followUp().now();
        return m;
    }
}
