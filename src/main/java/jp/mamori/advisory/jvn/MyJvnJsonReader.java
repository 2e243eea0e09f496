package jp.mamori.advisory.jvn;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.json.JsonStream;

/**
 * MyJVN API 4.0 "OKA" JSON. Three shapes carry vulnerabilities:
 * <ul>
 *   <li>{@code getVulnOverviewList} / JVNDB RSS feed: {@code feed.entry[]}, one JVNDB entry each;</li>
 *   <li>{@code getVulnDetailInfo ft=jvncsaf}: one CSAF-shaped document at the root;</li>
 *   <li>{@code ft=jvnstix} and the detail data feed: a STIX bundle whose {@code jvn-jp-sdo}
 *       objects list CSAF-shaped documents in {@code VULDEF-Document[]}.</li>
 * </ul>
 * Each JVNDB entry is read and emitted on its own. The document is always read to its end so a
 * syntax error anywhere is reported (three published samples have {@code "retMax": ,}); MyJVN
 * responses that carry no vulnerabilities (vendor/product lists, statistics, alerts) are
 * refused with a message that says so, rather than imported as nothing.
 */
final class MyJvnJsonReader {
    private static final Pattern JVNDB = Pattern.compile("JVNDB-\\d{4}-\\d+");
    private static final Set<String> OTHER_METHODS = Set.of("getAlertList", "getVendorList", "getProductList",
            "getStatistics", "getCvrfInfo");

    private final JsonStream js;
    private final String name;
    private final FeedSink sink;
    private String schema;
    private String method;
    private boolean vulnerabilityShape;
    private boolean other;

    MyJvnJsonReader(JsonStream js, String name, FeedSink sink) {
        this.js = js;
        this.name = name;
        this.sink = sink;
    }

    void read() throws FeedFormatException {
        js.expectRootObject("a MyJVN JSON document");
        JsonNode document = null;
        JsonStream.Mark documentMark = null;
        JsonNode productTree = null;
        JsonNode vulnerabilities = null;
        while (js.next() == JsonToken.FIELD_NAME) {
            String field = js.fieldName();
            js.next();
            if (other) {
                // Still read to the end (syntax errors win) and learn the method for the message.
                if ("status".equals(field)) method = JsonFields.text(js.readTree(), "method");
                else js.skipValue();
                continue;
            }
            switch (field) {
                case "$schema" -> {
                    schema = JsonFields.text(js.readTree());
                    other = schema != null && (schema.contains("jvnpid") || schema.contains("statistics")
                            || schema.contains("getalert"));
                }
                case "feed" -> feed();
                case "objects" -> stixObjects();
                case "document" -> {
                    documentMark = js.mark();
                    document = js.readTree();
                }
                case "product_tree" -> productTree = js.readTree();
                case "vulnerabilities" -> vulnerabilities = js.readTree();
                case "status" -> status(js.readTree());
                default -> js.skipValue();
            }
        }
        js.expectEnd();
        if (other || (method != null && OTHER_METHODS.contains(method))) {
            throw new FeedFormatException(name, null, "MyJVN " + (method != null ? method : "document (" + schema + ")")
                    + " response holds no vulnerability records; import getVulnOverviewList or getVulnDetailInfo responses");
        }
        if (document != null) {
            // A single jvncsaf document is one JVNDB entry: bounded, so it is mapped as a whole.
            com.fasterxml.jackson.databind.node.ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            root.set("document", document);
            if (productTree != null) root.set("product_tree", productTree);
            if (vulnerabilities != null) root.set("vulnerabilities", vulnerabilities);
            try {
                JvnCsafMapper.emit(root, sink);
            } catch (InvalidField e) {
                throw documentMark.error(name, "", e.getMessage() + " (" + e.pointer() + ")");
            }
            vulnerabilityShape = true;
        }
        if (!vulnerabilityShape) {
            throw new FeedFormatException(name, null, "not a MyJVN vulnerability document: no feed.entry, "
                    + "jvncsaf document or STIX VULDEF-Document found");
        }
    }

    private void feed() throws FeedFormatException {
        if (js.current() != JsonToken.START_OBJECT) throw js.error("\"feed\" must be an object");
        vulnerabilityShape = true;
        while (js.next() == JsonToken.FIELD_NAME) {
            String field = js.fieldName();
            js.next();
            if (!"entry".equals(field) || js.current() != JsonToken.START_ARRAY) {
                js.skipValue();
                continue;
            }
            while (js.next() != JsonToken.END_ARRAY) {
                JsonStream.Mark mark = js.mark();
                JsonNode entry = js.readTree();
                String id = JsonFields.text(entry, "id");
                // Alert entries (MYJVN-ALT-...) share this shape but are not vulnerabilities.
                if (id == null || !JVNDB.matcher(id).matches()) continue;
                try {
                    JvnFeedEntryMapper.map(entry).emit(sink, name, mark.line() + " at " + mark.pointer());
                } catch (InvalidField e) {
                    throw mark.error(name, e.pointer(), e.getMessage());
                }
            }
        }
    }

    private void stixObjects() throws FeedFormatException {
        if (js.current() != JsonToken.START_ARRAY) throw js.error("\"objects\" must be an array");
        while (js.next() != JsonToken.END_ARRAY) {
            if (js.current() != JsonToken.START_OBJECT) {
                js.skipValue();
                continue;
            }
            while (js.next() == JsonToken.FIELD_NAME) {
                String field = js.fieldName();
                js.next();
                if (!"VULDEF-Document".equals(field) || js.current() != JsonToken.START_ARRAY) {
                    js.skipValue();
                    continue;
                }
                vulnerabilityShape = true;
                while (js.next() != JsonToken.END_ARRAY) {
                    JsonStream.Mark mark = js.mark();
                    JsonNode doc = js.readTree();
                    try {
                        JvnCsafMapper.emit(doc, sink);
                    } catch (InvalidField e) {
                        throw mark.error(name, e.pointer(), e.getMessage());
                    }
                }
            }
        }
    }

    private void status(JsonNode status) throws FeedFormatException {
        method = JsonFields.text(status, "method");
        if (other || (method != null && OTHER_METHODS.contains(method))) return;
        MyJvnStatus.apply(k -> JsonFields.text(status, k), sink, js::error);
    }
}
