package jp.mamori.advisory.kev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.JsonFeedReader;
import jp.mamori.advisory.feed.JsonRecord;

/** The KEV JSON catalogue: {@code vulnerabilities[]} streamed, catalogue fields sent as meta. */
final class KevJsonReader {
    private static final Set<String> META = Set.of("title", "catalogVersion", "dateReleased", "count");

    private final JsonFeedReader reader;

    KevJsonReader(FeedLimits limits) { this.reader = new JsonFeedReader(limits); }

    void read(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        boolean[] seen = {false};
        ObjectNode top = reader.read(in, name, new JsonFeedReader.Handler() {
            @Override
            public boolean streams(String field) { return field.equals("vulnerabilities"); }

            @Override
            public void streamed(String field, int count) { seen[0] = true; }

            @Override
            public void field(String field, JsonRecord value) {
                if (META.contains(field) && value.node().isValueNode()) sink.meta(field, value.node().asText());
            }

            @Override
            public void record(String field, JsonRecord r) throws FeedFormatException {
                if (!r.node().isObject()) throw r.error("", "KEV entry is not an object");
                sink.kev(KevFields.entry(f -> JsonFields.text(r.node(), f), (f, msg) -> r.error("/" + f, msg)));
            }
        });
        if (!seen[0]) {
            throw new FeedFormatException(name, "at /", "not a KEV catalogue: no vulnerabilities[] array"
                    + (top == null ? "" : " (catalogVersion " + (top.has("catalogVersion") ? "present" : "missing") + ")"));
        }
    }
}
