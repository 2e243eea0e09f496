package jp.mamori.advisory.epss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.JsonFeedReader;
import jp.mamori.advisory.feed.JsonRecord;
import jp.mamori.advisory.feed.Timestamps;

/**
 * EPSS as the FIRST API returns it: an envelope with {@code data[]} of
 * {@code {"cve","epss","percentile","date"}} (values are strings), or one such object on its own.
 */
final class EpssJsonReader {
    private final JsonFeedReader reader;

    EpssJsonReader(FeedLimits limits) { this.reader = new JsonFeedReader(limits); }

    void read(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        String[] model = {null};
        boolean[] seen = {false};
        ObjectNode top = reader.read(in, name, new JsonFeedReader.Handler() {
            @Override
            public boolean streams(String field) { return field.equals("data") || field.isEmpty(); }

            @Override
            public void streamed(String field, int count) { seen[0] = true; }

            @Override
            public void field(String field, JsonRecord value) {
                if (field.equals("model_version") && value.node().isTextual()) {
                    model[0] = value.node().textValue();
                    sink.meta("model_version", model[0]);
                }
            }

            @Override
            public void record(String field, JsonRecord r) throws FeedFormatException {
                sink.epss(score(r, model[0]));
            }
        });
        if (seen[0]) return;
        if (top != null && top.has("cve")) {
            sink.epss(score(new JsonRecord(top, name, "", null), model[0]));
            return;
        }
        throw new FeedFormatException(name, "at /", "not EPSS JSON: neither data[] nor a cve/epss/percentile object");
    }

    private static EpssScore score(JsonRecord r, String model) throws FeedFormatException {
        JsonNode n = r.node();
        String cve = JsonFields.text(n, "cve");
        if (cve == null || !cve.startsWith("CVE-")) throw r.error("/cve", "not a CVE id: " + cve);
        Double epss = JsonFields.number(n, "epss");
        Double percentile = JsonFields.number(n, "percentile");
        if (epss == null || epss < 0 || epss > 1) throw r.error("/epss", "epss is not a probability: " + n.path("epss"));
        if (percentile == null || percentile < 0 || percentile > 1) {
            throw r.error("/percentile", "percentile is not a probability: " + n.path("percentile"));
        }
        String dateText = JsonFields.text(n, "date");
        LocalDate date;
        try {
            date = Timestamps.date(dateText);
        } catch (DateTimeParseException e) {
            throw r.error("/date", "not a date: '" + dateText + "'");
        }
        if (date == null) throw r.error("/date", "EPSS score without a date");
        String m = JsonFields.text(n, "model_version");
        return new EpssScore(cve, epss, percentile, date, m != null ? m : model);
    }
}
