package jp.mamori.advisory.vex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;

/**
 * Turns CycloneDX vulnerabilities into statements as they are read. A ref that is a local
 * bom-ref the component index does not know yet (components listed after vulnerabilities) is
 * held until the end of the document; at the end an unknown bom-ref is named as written. The
 * document id (serialNumber, else the file name) is fixed at the first statement, so one
 * document never yields two ids.
 */
final class CdxVexEmitter {
    private final String file;
    private final FeedSink sink;
    final CdxComponentIndex index = new CdxComponentIndex();
    String serialNumber;
    Instant timestamp;
    private String documentId;
    private final List<CdxVulnerability> pending = new ArrayList<>();

    CdxVexEmitter(String file, FeedSink sink) {
        this.file = file;
        this.sink = sink;
    }

    void offer(CdxVulnerability v) throws FeedFormatException {
        if (!CdxVexMapper.isStatement(v)) return;
        List<String> products = new ArrayList<>();
        for (String ref : v.refs()) {
            String id = index.resolve(ref);
            if (id == null) {
                pending.add(v);
                return;
            }
            products.add(id);
        }
        emit(v, products);
    }

    void finish() throws FeedFormatException {
        for (CdxVulnerability v : pending) {
            List<String> products = new ArrayList<>();
            for (String ref : v.refs()) {
                String id = index.resolve(ref);
                products.add(id != null ? id : ref);
            }
            emit(v, products);
        }
        pending.clear();
    }

    private void emit(CdxVulnerability v, List<String> products) throws FeedFormatException {
        if (documentId == null) documentId = serialNumber != null ? serialNumber : file;
        CdxVexMapper.map(v, products, documentId, file, timestamp).forEach(sink::vex);
    }
}
