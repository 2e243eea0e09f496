package jp.mamori.app.inventory;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.OrganizationSettings;

/** An organisation changes how strictly its SBOMs are checked (issue 13): audited, from every front end. */
public final class ChangeOrganizationSettings {

    private final Mamori mamori;

    public ChangeOrganizationSettings(Mamori mamori) {
        this.mamori = mamori;
    }

    /** @param sbomStrict on: any schema problem refuses an SBOM; off: imported with warnings when it can be read safely */
    public void sbomStrict(Actor actor, long orgId, boolean sbomStrict) {
        if (!actor.securityOfficer()) throw new InventoryException("設定を変更できるのは情報セキュリティ担当のみです / only a security officer changes organisation settings");
        mamori.database().inUnitOfWork(c -> {
            OrganizationSettings.setSbomStrict(c, orgId, sbomStrict);
            Audited.record(mamori, c, actor, orgId, Audited.ORG_SETTINGS_CHANGED, "organization:" + orgId, "sbom_strict=" + (sbomStrict ? "on" : "off"));
            return null;
        });
    }
}
