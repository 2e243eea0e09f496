package jp.mamori.app.partners;

import java.time.LocalDate;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.partners.ContractDocument;
import jp.mamori.partners.PartnersException;
import jp.mamori.partners.Vendor;

/** Records the NDA signed with a vendor: dates and the signed document's SHA-256 (the document itself, when given, is checked like a contract document). */
public final class RecordNda {
    private final Mamori mamori;

    public RecordNda(Mamori mamori) {
        this.mamori = mamori;
    }

    public Vendor run(Actor actor, long orgId, String vendorName, LocalDate signed, LocalDate expires, String fileName, byte[] document) {
        if (signed == null) throw new PartnersException("NDA の締結日を指定してください / the signing date is required");
        if (expires != null && expires.isBefore(signed)) throw new PartnersException("NDA の期限が締結日より前です / the NDA expires before it was signed");
        String sha = document == null ? null : ContractDocument.of(fileName, document).sha256();
        Vendor v = mamori.vendors().require(orgId, vendorName);
        return mamori.database().inUnitOfWork(c -> {
            mamori.vendors().recordNda(c, orgId, v.id(), signed, expires, sha);
            Audited.record(mamori, c, actor, orgId, Audited.VENDOR_NDA, "vendor:" + v.id(), "name=" + AuditDetail.quote(v.name()) + " signed=" + signed
                    + (expires == null ? "" : " expires=" + expires) + (sha == null ? "" : " sha256=" + sha));
            return mamori.vendors().byId(orgId, v.id()).orElseThrow();
        });
    }
}
