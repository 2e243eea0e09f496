package jp.mamori.advisory.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.json.JsonFeedParser;
import jp.mamori.advisory.json.JsonFeedRun;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.advisory.json.JsonStream;

/**
 * CSAF 2.0 advisories, including the VEX profile: one Advisory per {@code vulnerabilities[]}
 * element, and for {@code csaf_vex} documents also one VexStatement per product status.
 *
 * <p>Streaming: {@code document} and {@code product_tree} are read as trees (every vulnerability
 * needs them), then each vulnerability is read, mapped and emitted on its own. CSAF writers put
 * them in that order; a document that lists vulnerabilities first has them held until the tree
 * has been read, which is the only case where memory follows the number of vulnerabilities.
 */
public final class CsafParser extends JsonFeedParser {
    public CsafParser() {
        super(Source.CSAF);
    }

    @Override
    protected JsonFeedRun run(JsonStream js, FeedSink sink) {
        return new Run(js, sink);
    }

    private static final class Run extends JsonFeedRun {
        private JsonNode documentNode;
        private JsonStream.Mark documentMark;
        private JsonNode treeNode;
        private boolean treeSeen;
        private CsafVulnerabilityMapper mapper;
        private CsafVexMapper vex;
        private CsafDocument doc;

        Run(JsonStream js, FeedSink sink) {
            super(js, sink, "a CSAF document", "vulnerabilities", "vulnerability");
        }

        @Override
        protected void header(String field) throws FeedFormatException {
            switch (field) {
                case "document" -> {
                    documentMark = js.mark();
                    documentNode = js.readTree();
                }
                case "product_tree" -> {
                    treeNode = js.readTree();
                    treeSeen = true;
                }
                default -> js.skipValue();
            }
        }

        @Override
        protected boolean headerKnown(JsonNode vulnerability) {
            return documentNode != null && treeSeen;
        }

        @Override
        protected void headerComplete() throws FeedFormatException {
            if (documentNode == null) {
                throw new FeedFormatException(name, "/document", "not a CSAF document: no \"document\" object");
            }
            ready();
        }

        private void ready() throws FeedFormatException {
            if (doc != null) return;
            try {
                doc = CsafDocument.of(documentNode);
            } catch (InvalidField e) {
                throw documentMark == null
                        ? new FeedFormatException(name, "/document", e.getMessage())
                        : documentMark.error(name, e.pointer(), e.getMessage());
            }
            ProductTree tree = ProductTree.of(treeNode);
            mapper = new CsafVulnerabilityMapper(doc, tree);
            vex = doc.isVex() ? new CsafVexMapper(doc, tree) : null;
            treeNode = null;
        }

        @Override
        protected void emit(JsonNode v, int index, JsonStream.Mark mark) throws FeedFormatException {
            ready();
            mark.map(name, () -> {
                sink.advisory(mapper.map(v, index));
                if (vex != null) vex.map(v, mapper.vulnId(v, index)).forEach(sink::vex);
            });
        }
    }
}
