package jp.mamori.app.inventory;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryRepository.NewAsset;

/**
 * Registers an asset (資産) of a system. Matching waits for its SBOM, a ledger import or the next
 * feed import, as before: matching the device's CPE alone first would record findings that its
 * SBOM then supersedes.
 */
public final class CreateAsset {

    private final Mamori mamori;

    public CreateAsset(Mamori mamori) {
        this.mamori = mamori;
    }

    public Asset run(Actor actor, long orgId, long systemId, NewAsset in) {
        return mamori.database().inUnitOfWork(c -> {
            Asset a = mamori.inventory().createAsset(orgId, systemId, in);
            Audited.record(mamori, c, actor, orgId, Audited.ASSET_CREATED, "asset:" + a.code(),
                    "name=" + AuditDetail.quote(a.name()) + " kind=" + in.kind() + " exposure=" + in.exposure() + (in.internetBoundary() ? " boundary=true" : "")
                            + (a.cpe() == null ? "" : " cpe=" + a.cpe()));
            return a;
        });
    }
}
