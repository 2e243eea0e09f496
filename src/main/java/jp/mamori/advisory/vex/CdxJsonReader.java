package jp.mamori.advisory.vex;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.json.JsonStream;
import jp.mamori.advisory.support.FeedDates;

/** CycloneDX JSON: components and vulnerabilities are read one element at a time. */
final class CdxJsonReader {
    private static final int MAX_COMPONENT_DEPTH = 64;

    private final JsonStream js;
    private final String name;
    private final CdxVexEmitter out;
    private String bomFormat;

    CdxJsonReader(JsonStream js, String name, CdxVexEmitter out) {
        this.js = js;
        this.name = name;
        this.out = out;
    }

    void read() throws FeedFormatException {
        js.readRootObject("a CycloneDX document", field -> {
            switch (field) {
                case "bomFormat" -> {
                    bomFormat = JsonFields.text(js.readTree());
                    if (!"CycloneDX".equals(bomFormat)) {
                        throw js.error("not a CycloneDX document: bomFormat is '" + bomFormat + "'");
                    }
                }
                case "serialNumber" -> out.serialNumber = JsonFields.text(js.readTree());
                case "metadata" -> metadata(js.readTree());
                case "components" -> components();
                case "vulnerabilities" -> vulnerabilities();
                default -> js.skipValue();
            }
        });
        if (bomFormat == null) {
            throw new FeedFormatException(name, "/bomFormat", "not a CycloneDX document: no bomFormat");
        }
        out.finish();
    }

    private void metadata(JsonNode m) throws FeedFormatException {
        out.timestamp = date(JsonFields.text(m, "timestamp"), "at /metadata/timestamp");
        JsonNode c = m.get("component");
        if (c != null) index(c, 0);
    }

    private void components() throws FeedFormatException {
        if (js.current() != JsonToken.START_ARRAY) throw js.error("\"components\" must be an array");
        while (js.next() != JsonToken.END_ARRAY) index(js.readTree(), 0);
    }

    private void index(JsonNode c, int depth) {
        if (depth > MAX_COMPONENT_DEPTH || !c.isObject()) return;
        out.index.add(JsonFields.text(c, "bom-ref"), JsonFields.text(c, "purl"), JsonFields.text(c, "cpe"));
        for (JsonNode child : JsonFields.array(c, "components")) index(child, depth + 1);
    }

    private void vulnerabilities() throws FeedFormatException {
        if (js.current() != JsonToken.START_ARRAY) throw js.error("\"vulnerabilities\" must be an array");
        while (js.next() != JsonToken.END_ARRAY) {
            JsonStream.Mark mark = js.mark();
            JsonNode v = js.readTree();
            String where = mark.line() + " at " + mark.pointer();
            JsonNode a = v.get("analysis");
            List<String> refs = new ArrayList<>();
            for (JsonNode t : JsonFields.array(v, "affects")) {
                String ref = JsonFields.text(t, "ref");
                if (ref != null) refs.add(ref);
            }
            Instant updated = firstNonNull(
                    date(JsonFields.text(a, "lastUpdated"), where + "/analysis/lastUpdated"),
                    date(JsonFields.text(a, "firstIssued"), where + "/analysis/firstIssued"),
                    date(JsonFields.text(v, "updated"), where + "/updated"),
                    date(JsonFields.text(v, "published"), where + "/published"));
            out.offer(new CdxVulnerability(JsonFields.text(v, "id"), JsonFields.text(a, "state"), JsonFields.text(a, "justification"),
                    JsonFields.texts(a, "response"), JsonFields.text(a, "detail"), JsonFields.text(v, "recommendation"),
                    JsonFields.text(v, "workaround"), updated, refs, where));
        }
    }

    private Instant date(String s, String pointer) throws FeedFormatException {
        try {
            return FeedDates.parse(s, FeedDates.UTC);
        } catch (DateTimeException e) {
            throw new FeedFormatException(name, pointer, "not a timestamp: '" + s + "'");
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
