package jp.mamori.advisory.csaf;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
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
public final class CsafParser implements FeedParser {
    @Override
    public Source source() {
        return Source.CSAF;
    }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        JsonStream.parse(in, name, js -> new Run(js, name, sink).read());
    }

    private static final class Run {
        private final JsonStream js;
        private final String name;
        private final FeedSink sink;
        private JsonNode documentNode;
        private JsonStream.Mark documentMark;
        private JsonNode treeNode;
        private boolean treeSeen;
        private CsafVulnerabilityMapper mapper;
        private CsafVexMapper vex;
        private CsafDocument doc;
        private final List<Pending> pending = new ArrayList<>();

        private record Pending(JsonNode node, int index, JsonStream.Mark mark) { }

        Run(JsonStream js, String name, FeedSink sink) {
            this.js = js;
            this.name = name;
            this.sink = sink;
        }

        void read() throws FeedFormatException {
            js.expectRootObject("a CSAF document");
            while (js.next() == JsonToken.FIELD_NAME) {
                String field = js.fieldName();
                js.next();
                switch (field) {
                    case "document" -> {
                        documentMark = js.mark();
                        documentNode = js.readTree();
                    }
                    case "product_tree" -> {
                        treeNode = js.readTree();
                        treeSeen = true;
                    }
                    case "vulnerabilities" -> vulnerabilities();
                    default -> js.skipValue();
                }
            }
            js.expectEnd();
            if (documentNode == null) {
                throw new FeedFormatException(name, "/document", "not a CSAF document: no \"document\" object");
            }
            ready();
            for (Pending p : pending) emit(p.node(), p.index(), p.mark());
        }

        private void vulnerabilities() throws FeedFormatException {
            if (js.current() != JsonToken.START_ARRAY) throw js.error("\"vulnerabilities\" must be an array");
            int index = 0;
            while (js.next() != JsonToken.END_ARRAY) {
                JsonStream.Mark mark = js.mark();
                JsonNode v = js.readTree();
                if (!v.isObject()) throw mark.error(name, "", "a vulnerability must be an object");
                if (documentNode != null && treeSeen) {
                    ready();
                    emit(v, index, mark);
                } else {
                    pending.add(new Pending(v, index, mark));
                }
                index++;
            }
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

        private void emit(JsonNode v, int index, JsonStream.Mark mark) throws FeedFormatException {
            try {
                sink.advisory(mapper.map(v, index));
                if (vex != null) {
                    String vulnId = mapper.vulnId(v, index);
                    vex.map(v, vulnId).forEach(sink::vex);
                }
            } catch (InvalidField e) {
                throw mark.error(name, e.pointer(), e.getMessage());
            }
        }
    }
}
