package jp.mamori.advisory.vex;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.json.JsonStream;
import jp.mamori.advisory.support.FeedDates;

/**
 * OpenVEX documents (contexts {@code https://openvex.dev/ns}, {@code .../v0.0.1},
 * {@code .../v0.2.0}): each {@code statements[]} element is read and emitted on its own. A
 * statement without its own timestamp takes the document's. Statements that come before the
 * document's {@code @context}/{@code @id}/{@code timestamp} (unusual key order) are held until
 * the header has been read.
 */
public final class OpenVexParser implements FeedParser {
    @Override
    public Source source() {
        return Source.OPENVEX;
    }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        JsonStream.parse(in, name, js -> new Run(js, name, sink).read());
    }

    private static final class Run {
        private final JsonStream js;
        private final String name;
        private final FeedSink sink;
        private String context;
        private String id;
        private Instant timestamp;
        private boolean timestampSeen;
        private final List<Pending> pending = new ArrayList<>();

        private record Pending(JsonNode node, JsonStream.Mark mark) { }

        Run(JsonStream js, String name, FeedSink sink) {
            this.js = js;
            this.name = name;
            this.sink = sink;
        }

        void read() throws FeedFormatException {
            js.expectRootObject("an OpenVEX document");
            while (js.next() == JsonToken.FIELD_NAME) {
                String field = js.fieldName();
                js.next();
                switch (field) {
                    case "@context" -> {
                        context = JsonFields.text(js.readTree());
                        if (context == null || !context.contains("openvex")) {
                            throw js.error("not an OpenVEX document: @context is '" + context + "'");
                        }
                    }
                    case "@id" -> id = JsonFields.text(js.readTree());
                    case "timestamp" -> {
                        String t = JsonFields.text(js.readTree());
                        try {
                            timestamp = FeedDates.parse(t, FeedDates.UTC);
                        } catch (DateTimeException e) {
                            throw js.error("not a timestamp: '" + t + "'");
                        }
                        timestampSeen = true;
                    }
                    case "statements" -> statements();
                    default -> js.skipValue();
                }
            }
            js.expectEnd();
            if (context == null) {
                throw new FeedFormatException(name, "/@context", "not an OpenVEX document: no @context");
            }
            for (Pending p : pending) emit(p.node(), p.mark());
        }

        private void statements() throws FeedFormatException {
            if (js.current() != JsonToken.START_ARRAY) throw js.error("\"statements\" must be an array");
            while (js.next() != JsonToken.END_ARRAY) {
                JsonStream.Mark mark = js.mark();
                JsonNode s = js.readTree();
                if (!s.isObject()) throw mark.error(name, "", "a statement must be an object");
                boolean headerKnown = context != null && id != null && (timestampSeen || s.hasNonNull("timestamp"));
                if (headerKnown) emit(s, mark);
                else pending.add(new Pending(s, mark));
            }
        }

        private void emit(JsonNode s, JsonStream.Mark mark) throws FeedFormatException {
            String documentId = id != null ? id : name;
            List<VexStatement> out = at(mark, () -> OpenVexStatementMapper.map(s, documentId, timestamp));
            out.forEach(sink::vex);
        }

        private <T> T at(JsonStream.Mark mark, java.util.function.Supplier<T> work) throws FeedFormatException {
            try {
                return work.get();
            } catch (InvalidField e) {
                throw mark.error(name, e.pointer(), e.getMessage());
            }
        }
    }
}
