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
        if (heldOn != null && heldOn.isAfter(mamori.today())) throw new PartnersException("訓練日が未来です / the drill date is in the future: " + heldOn);
        return mamori.database().inUnitOfWork(c -> {
            long id = mamori.roles().recordDrill(c, orgId, heldOn, title, findings, actor.name());
            Audited.record(mamori, c, actor, orgId, Audited.DRILL_RECORDED, "drill:" + id, "held_on=" + heldOn + " title=" + title);
            return id;
        });
    }
}
