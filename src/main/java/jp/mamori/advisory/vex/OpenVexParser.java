package jp.mamori.advisory.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.json.JsonFeedParser;
import jp.mamori.advisory.json.JsonFeedRun;
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
public final class OpenVexParser extends JsonFeedParser {
    public OpenVexParser() {
        super(Source.OPENVEX);
    }

    @Override
    protected JsonFeedRun run(JsonStream js, FeedSink sink) {
        return new Run(js, sink);
    }

    private static final class Run extends JsonFeedRun {
        private String context;
        private String id;
        private Instant timestamp;
        private boolean timestampSeen;

        Run(JsonStream js, FeedSink sink) {
            super(js, sink, "an OpenVEX document", "statements", "statement");
        }

        @Override
        protected void header(String field) throws FeedFormatException {
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
                default -> js.skipValue();
            }
        }

        /** A statement without its own timestamp takes the document's. */
        @Override
        protected boolean headerKnown(JsonNode statement) {
            return context != null && id != null && (timestampSeen || statement.hasNonNull("timestamp"));
        }

        @Override
        protected void headerComplete() throws FeedFormatException {
            if (context == null) {
                throw new FeedFormatException(name, "/@context", "not an OpenVEX document: no @context");
            }
        }

        @Override
        protected void emit(JsonNode s, int index, JsonStream.Mark mark) throws FeedFormatException {
            String documentId = id != null ? id : name;
            mark.map(name, () -> OpenVexStatementMapper.map(s, documentId, timestamp).forEach(sink::vex));
        }
    }
}
