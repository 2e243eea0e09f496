package jp.mamori.app.partners;

import java.time.LocalDate;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.partners.PartnersException;

/** Records an incident-response drill with its date and findings. */
public final class RecordDrill {
    private final Mamori mamori;

    public RecordDrill(Mamori mamori) {
        this.mamori = mamori;
    }

    public long run(Actor actor, long orgId, LocalDate heldOn, String title, String findings) {
        return run(actor, orgId, null, heldOn, title, findings);
    }

    /** A drill of one system's own matrix (systemCode null or blank: of the organisation's); the system must be the organisation's. */
    public long run(Actor actor, long orgId, String systemCode, LocalDate heldOn, String title, String findings) {
        if (heldOn != null && heldOn.isAfter(mamori.today())) throw new PartnersException("訓練日が未来です / the drill date is in the future: " + heldOn);
        Long systemId;
        String system;
        if (systemCode == null || systemCode.isBlank()) {
            systemId = null;
            system = null;
        } else {
            jp.mamori.partners.SystemRoles s = mamori.roles().system(orgId, systemCode).orElseThrow(() -> jp.mamori.partners.SystemRoles.noSuchSystem(systemCode));
            systemId = s.systemId();
            system = s.systemCode();
        }
        return mamori.database().inUnitOfWork(c -> {
            long id = mamori.roles().recordDrill(c, orgId, systemId, heldOn, title, findings, actor.name());
            Audited.record(mamori, c, actor, orgId, Audited.DRILL_RECORDED, "drill:" + id,
                    (system == null ? "" : "system=" + system + " ") + "held_on=" + heldOn + " title=" + title);
            return id;
        });
    }
}
