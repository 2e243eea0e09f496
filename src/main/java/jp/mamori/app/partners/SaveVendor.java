package jp.mamori.app.partners;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.partners.Vendor;
import jp.mamori.partners.VendorStore;

/** Registers a vendor (事業者) or updates the given fields of the one with that name; IR partners included. */
public final class SaveVendor {
    private final Mamori mamori;

    public SaveVendor(Mamori mamori) {
        this.mamori = mamori;
    }

    public Vendor run(Actor actor, long orgId, VendorStore.Input in) {
        return run(actor, orgId, in, false);
    }

    /** {@code replace}: the edit form's whole record (a blank field clears it); else only the fields given change. */
    public Vendor run(Actor actor, long orgId, VendorStore.Input in, boolean replace) {
        return mamori.database().inUnitOfWork(c -> {
            Vendor v = mamori.vendors().save(c, orgId, in, replace);
            Audited.record(mamori, c, actor, orgId, Audited.VENDOR_SAVED, "vendor:" + v.id(), "name=" + AuditDetail.quote(v.name())
                    + (v.kind() == null ? "" : " kind=" + v.kind().key()) + (v.corporateNumber() == null ? "" : " corporate_number=" + v.corporateNumber())
                    + (v.registrationNumber() == null ? "" : " registration=" + v.registrationNumber())
                    + (v.hotline() == null ? "" : " hotline=" + v.hotline()) + (replace ? " edited" : ""));
            return v;
        });
    }
}
