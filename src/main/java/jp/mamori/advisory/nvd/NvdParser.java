package jp.mamori.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.advisory.feed.JsonFeedReader;
import jp.mamori.advisory.feed.JsonRecord;

/**
 * NVD CVE API 2.0: either a whole API response ({@code vulnerabilities[].cve}, streamed one record
 * at a time, with {@code totalResults}, {@code startIndex}, {@code resultsPerPage},
 * {@code timestamp}, {@code format} and {@code version} sent to {@link FeedSink#meta}) or a single
 * {@code cve} object as mirrors such as fkie-cad/nvd-json-data-feeds store them. Other NVD API
 * responses (CVE history, sources, CPE) are refused by their {@code format}.
 *
 * <p>NVD's copies of KEV fields ({@code cisaExploitAdd} ...) do not produce KEV entries and do
 * not set {@code exploited}: KEV facts come from the KEV feed alone (see {@link NvdCveMapper}).
 */
public final class NvdParser implements FeedParser {
    private static final Set<String> META = Set.of("resultsPerPage", "startIndex", "totalResults", "format", "version", "timestamp");

    private final JsonFeedReader reader;

    public NvdParser() { this(FeedLimits.DEFAULT); }

    public NvdParser(FeedLimits limits) { this.reader = new JsonFeedReader(limits); }

    @Override
    public Source source() { return Source.NVD; }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        boolean[] streamed = {false};
        ObjectNode top = reader.read(in, name, new JsonFeedReader.Handler() {
            @Override
            public boolean streams(String field) { return field.equals("vulnerabilities"); }

            @Override
            public void field(String field, JsonRecord value) throws FeedFormatException {
                if (field.equals("format") && !"NVD_CVE".equals(value.node().asText())) {
                    throw value.error("", "NVD API response of format '" + value.node().asText()
                            + "' is not a CVE feed (expected NVD_CVE)");
                }
                if (META.contains(field) && value.node().isValueNode()) sink.meta(field, value.node().asText());
            }

            @Override
            public void streamed(String field, int count) { streamed[0] = true; }

            @Override
            public void record(String field, JsonRecord item) throws FeedFormatException {
                JsonRecord cve = item.child("cve");
                if (!cve.node().isObject()) throw item.error("/cve", "vulnerabilities entry without a cve object");
                sink.advisory(NvdCveMapper.map(cve));
            }
        });
        if (streamed[0] || top == null) return;
        if (top.has("id")) {
            sink.advisory(NvdCveMapper.map(new JsonRecord(top, name, "", null)));
        } else if (top.path("cve").isObject()) {
            sink.advisory(NvdCveMapper.map(new JsonRecord(top.get("cve"), name, "/cve", null)));
        } else {
            throw new FeedFormatException(name, "at /", "neither an NVD CVE API 2.0 response (vulnerabilities[].cve)"
                    + " nor an NVD cve object (id); top-level fields: " + fieldNames(top));
        }
    }

    static String fieldNames(JsonNode top) {
        StringBuilder sb = new StringBuilder();
        top.fieldNames().forEachRemaining(f -> sb.append(sb.length() == 0 ? "" : ", ").append(f));
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }
}
