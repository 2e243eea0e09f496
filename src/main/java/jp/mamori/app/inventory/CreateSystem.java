package jp.mamori.app.inventory;

import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Segment;

/** Registers an information system (情報システム) of an organisation. */
public final class CreateSystem {

    private final Mamori mamori;

    public CreateSystem(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Input(String code, String name, Segment segment, Importance importance, String owner, String sbomTier, List<String> vendors) { }

    public ItSystem run(Actor actor, long orgId, Input in) {
        return mamori.database().inUnitOfWork(c -> {
            ItSystem s = mamori.inventory().createSystem(orgId, in.code(), in.name(), in.segment(), in.importance(), in.owner(), in.sbomTier(),
                    in.vendors() == null ? List.of() : in.vendors());
            Audited.record(mamori, c, actor, orgId, Audited.SYSTEM_CREATED, "system:" + s.code(),
                    "name=" + AuditDetail.quote(s.name()) + " segment=" + in.segment() + " importance=" + in.importance().confidentiality() + "/"
                            + in.importance().integrity() + "/" + in.importance().availability());
            return s;
        });
    }
}
