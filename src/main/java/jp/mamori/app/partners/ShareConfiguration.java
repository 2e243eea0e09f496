package jp.mamori.app.partners;

import java.time.LocalDate;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.ConfigShare;
import jp.mamori.partners.ConfigurationPackage;
import jp.mamori.partners.PartnersException;
import jp.mamori.partners.ShareStore;
import jp.mamori.partners.Vendor;

/**
 * Generates the configuration package for a partner from the inventory and records the share:
 * date, recipient, SHA-256 and the next due date (policy: every {@value ShareStore#SHARE_INTERVAL_DAYS} days).
 */
public final class ShareConfiguration {
    private final Mamori mamori;

    public ShareConfiguration(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(ConfigurationPackage pack, ConfigShare share) { }

    /** {@code sharedOn}: null for today (a share made earlier may be recorded with its date). */
    public Result run(Actor actor, long orgId, String vendorName, String recipient, LocalDate sharedOn) {
        Vendor v = mamori.vendors().require(orgId, vendorName);
        Organization org = mamori.inventory().organizationById(orgId).orElseThrow();
        LocalDate today = mamori.today();
        LocalDate on = sharedOn == null ? today : sharedOn;
        if (on.isAfter(today)) throw new PartnersException("共有日が未来です / the share date is in the future: " + on);
        java.util.List<jp.mamori.inventory.Asset> assets = mamori.inventory().listAssets(orgId);
        java.util.Map<Long, ConfigurationPackage.SbomSummary> sboms = new java.util.HashMap<>();
        for (jp.mamori.inventory.Asset a : assets) {
            mamori.sboms().history(orgId, a.id()).stream().filter(x -> x.current() && !x.held()).findFirst().ifPresent(x -> sboms.put(a.id(),
                    new ConfigurationPackage.SbomSummary(x.format(), x.specVersion(), x.componentCount(), x.sha256(),
                            x.uploadedAt().atZone(jp.mamori.app.TokyoTime.TOKYO).toLocalDate())));
        }
        ConfigurationPackage pack = ConfigurationPackage.build(org, on, v, mamori.inventory().systems().list(orgId), assets,
                mamori.coverage().assets(orgId), mamori.vendors().list(orgId), sboms);
        return mamori.database().inUnitOfWork(c -> {
            ConfigShare s = mamori.shares().record(c, orgId, v.id(), on, recipient == null || recipient.isBlank() ? v.contactPerson() == null ? v.name()
                    : v.contactPerson() : recipient, pack.sha256(), on.plusDays(ShareStore.SHARE_INTERVAL_DAYS), actor.name(), mamori.clock().instant());
            Audited.record(mamori, c, actor, orgId, Audited.CONFIG_SHARED, "vendor:" + v.id(), "name=" + AuditDetail.quote(v.name()) + " on=" + on + " recipient="
                    + s.recipient() + " sha256=" + s.sha256() + " next_due=" + s.nextDue());
            return new Result(pack, s);
        });
    }
}
