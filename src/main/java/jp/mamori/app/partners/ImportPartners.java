package jp.mamori.app.partners;

import java.util.ArrayList;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.partners.PartnerList;
import jp.mamori.partners.Vendor;
import jp.mamori.partners.VendorStore;

/** Imports the IR partners list the user keeps (CSV/.xlsx): validated whole, then stored in one transaction with one audit entry. */
public final class ImportPartners {
    private final Mamori mamori;

    public ImportPartners(Mamori mamori) {
        this.mamori = mamori;
    }

    public List<Vendor> run(Actor actor, long orgId, String fileName, byte[] bytes) {
        List<VendorStore.Input> rows = PartnerList.read(bytes, fileName);
        return mamori.database().inUnitOfWork(c -> {
            List<Vendor> out = new ArrayList<>();
            for (VendorStore.Input in : rows) out.add(mamori.vendors().save(c, orgId, in));
            Audited.record(mamori, c, actor, orgId, Audited.PARTNERS_IMPORTED, "file:" + fileName, "partners=" + out.size()
                    + " sha256=" + jp.mamori.partners.ContractDocument.sha256(bytes));
            return out;
        });
    }
}
