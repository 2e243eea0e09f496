package jp.mamori.app.partners;

import java.util.Locale;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.partners.PartnersException;
import jp.mamori.partners.Party;
import jp.mamori.partners.Phase;
import jp.mamori.partners.SystemRoles;

/**
 * Sets or clears one cell of an information system's own role matrix (where the system differs from
 * the organisation's 体制表): phase × party with RACI (or "-": no role in this system), optionally
 * naming the vendor. Clearing removes the system's cell, so the organisation's applies again. The
 * system and the vendor must be the organisation's; anything refused writes nothing.
 */
public final class AssignSystemRole {
    private final Mamori mamori;

    public AssignSystemRole(Mamori mamori) {
        this.mamori = mamori;
    }

    public SystemRoles set(Actor actor, long orgId, String systemCode, Phase phase, Party party, String raci, String vendorName) {
        if (raci == null || raci.isBlank()) throw new PartnersException("RACI を指定してください（R・A・C・I、役割なしは -） / give RACI (R, A, C, I; - for no role)");
        return change(actor, orgId, systemCode, phase, party, raci, vendorName);
    }

    public SystemRoles clear(Actor actor, long orgId, String systemCode, Phase phase, Party party) {
        return change(actor, orgId, systemCode, phase, party, null, null);
    }

    private SystemRoles change(Actor actor, long orgId, String systemCode, Phase phase, Party party, String raci, String vendorName) {
        if (phase == null || party == null) throw new PartnersException("局面と担当を指定してください / give the phase and the party");
        SystemRoles system = mamori.roles().system(orgId, systemCode).orElseThrow(() -> jp.mamori.partners.SystemRoles.noSuchSystem(systemCode));
        String value = raci == null ? null : SystemRoles.normalise(raci);
        Long vendorId = vendorName == null || vendorName.isBlank() ? null : mamori.vendors().require(orgId, vendorName.strip()).id();
        String target = "roles:" + system.systemCode() + ":" + phase.key() + "/" + party.key();
        mamori.database().inUnitOfWork(c -> {
            boolean existed = mamori.roles().assignSystem(c, orgId, system.systemId(), phase, party, value, vendorId);
            if (value == null) {
                Audited.record(mamori, c, actor, orgId, Audited.SYSTEM_ROLE_CLEARED, target,
                        "system=" + system.systemCode() + (existed ? "" : " note=no cell of its own"));
            } else {
                Audited.record(mamori, c, actor, orgId, Audited.SYSTEM_ROLE_ASSIGNED, target, "system=" + system.systemCode() + " raci="
                        + value.toUpperCase(Locale.ROOT) + (vendorId == null ? "" : " vendor=" + AuditDetail.quote(vendorName.strip())));
            }
            return null;
        });
        return mamori.roles().system(orgId, system.systemCode()).orElseThrow();
    }
}
