package jp.mamori.app.partners;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.partners.Contract;
import jp.mamori.partners.PartnersException;

/** The security officer approves a vendor's proposed checklist answers: they become the reviewed answers. */
public final class ApproveChecklist {
    private final Mamori mamori;

    public ApproveChecklist(Mamori mamori) {
        this.mamori = mamori;
    }

    public int run(Actor actor, long orgId, String contractCode) {
        if (!actor.securityOfficer()) throw new PartnersException("回答の承認は情報セキュリティ担当が行います / only a security officer approves answers");
        Contract k = mamori.contracts().require(orgId, contractCode);
        return mamori.database().inUnitOfWork(c -> {
            int n = mamori.contracts().approve(c, k.id(), actor.name(), mamori.clock().instant());
            if (n > 0) Audited.record(mamori, c, actor, orgId, Audited.CHECKLIST_APPROVED, "contract:" + k.code(), "items=" + n);
            return n;
        });
    }
}
