package jp.mamori.app.partners;

import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractDocument;

/** Stores a contract's document (PDF/Office, size-bounded, recognised by content) with its SHA-256. */
public final class AttachContractDocument {
    private final Mamori mamori;

    public AttachContractDocument(Mamori mamori) {
        this.mamori = mamori;
    }

    public ContractDocument run(Actor actor, long orgId, String contractCode, String fileName, byte[] bytes) {
        ContractDocument doc = ContractDocument.of(fileName, bytes);
        Contract k = mamori.contracts().require(orgId, contractCode);
        return mamori.database().inUnitOfWork(c -> {
            mamori.contracts().attach(c, k.id(), doc);
            Audited.record(mamori, c, actor, orgId, Audited.CONTRACT_DOCUMENT, "contract:" + k.code(),
                    "file=" + AuditDetail.quote(doc.name()) + " type=" + doc.type() + " bytes=" + doc.bytes().length + " sha256=" + doc.sha256());
            return doc;
        });
    }
}
