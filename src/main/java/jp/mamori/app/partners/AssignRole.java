package jp.mamori.app.partners;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.partners.Party;
import jp.mamori.partners.Phase;
import jp.mamori.partners.RoleMatrix;

/** Sets one cell of the role matrix (体制表): phase × party with RACI, optionally naming the vendor. */
public final class AssignRole {
    private final Mamori mamori;

    public AssignRole(Mamori mamori) {
        this.mamori = mamori;
    }

    public RoleMatrix run(Actor actor, long orgId, Phase phase, Party party, String raci, String vendorName) {
        Long vendorId = vendorName == null || vendorName.isBlank() ? null : mamori.vendors().require(orgId, vendorName).id();
        return mamori.database().inUnitOfWork(c -> {
            mamori.roles().assign(c, orgId, phase, party, raci, vendorId);
            Audited.record(mamori, c, actor, orgId, Audited.ROLE_ASSIGNED, "roles:" + phase.key() + "/" + party.key(),
                    "raci=" + (raci == null || raci.isBlank() ? "-" : raci.strip().toUpperCase(java.util.Locale.ROOT)) + (vendorName == null ? "" : " vendor=" + AuditDetail.quote(vendorName)));
            return mamori.roles().matrix(orgId);
        });
    }
}
