package jp.mamori.app.inventory;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.inventory.Organization;

/** Registers an organisation (団体). */
public final class CreateOrganization {

    private final Mamori mamori;

    public CreateOrganization(Mamori mamori) {
        this.mamori = mamori;
    }

    public Organization run(Actor actor, String code, String name, String kind) {
        return mamori.database().inUnitOfWork(c -> {
            Organization o = mamori.inventory().createOrganization(code, name, kind);
            Audited.record(mamori, c, actor, o.id(), Audited.ORG_CREATED, "organization:" + o.code(), "name=" + AuditDetail.quote(o.name()) + " kind=" + kind);
            return o;
        });
    }
}
