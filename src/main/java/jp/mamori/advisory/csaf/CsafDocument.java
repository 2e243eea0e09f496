package jp.mamori.advisory.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.support.FeedDates;

/**
 * Document-level facts of a CSAF advisory that every vulnerability of it shares.
 *
 * @param trackingId     {@code document.tracking.id}, the documentId of what it yields
 * @param category       {@code document.category} ("csaf_vex" turns on VEX statements)
 * @param publisher      {@code document.publisher.name}, scores are "vendor:&lt;publisher&gt;"
 * @param lang           primary language subtag of {@code document.lang}, "en" when absent
 * @param description    the document's description or summary note, used when a vulnerability has none
 * @param selfUrl        the document's own URL (reference category "self"), may be null
 * @param references     document references
 */
public record CsafDocument(String trackingId, String category, String publisher, String lang, String title,
                           String description, Instant initialRelease, Instant currentRelease,
                           String selfUrl, List<Reference> references) {

    public boolean isVex() {
        return "csaf_vex".equals(category);
    }

    /**
     * @throws InvalidField naming the missing or bad field below {@code /document}
     */
    public static CsafDocument of(JsonNode document) {
        if (document == null || !document.isObject()) throw new InvalidField("", "not a CSAF document: no \"document\" object");
        String id = JsonFields.text(JsonFields.at(document, "tracking"), "id");
        if (id == null) throw new InvalidField("/tracking/id", "not a CSAF document: missing document tracking id");
        String category = JsonFields.text(document, "category");
        if (category == null) throw new InvalidField("/category", "not a CSAF document: missing document category");
        List<Reference> refs = references(document);
        String self = null;
        for (JsonNode r : JsonFields.array(document, "references")) {
            if ("self".equals(JsonFields.text(r, "category")) && self == null) self = JsonFields.text(r, "url");
        }
        return new CsafDocument(id, category, JsonFields.text(JsonFields.at(document, "publisher"), "name"),
                lang(JsonFields.text(document, "lang")), JsonFields.text(document, "title"),
                note(document, "description", "summary"),
                date(document, "initial_release_date"), date(document, "current_release_date"), self, refs);
    }

    /** First note of the first category that has one. */
    public static String note(JsonNode holder, String... categories) {
        for (String c : categories) {
            for (JsonNode n : JsonFields.array(holder, "notes")) {
                if (c.equals(JsonFields.text(n, "category"))) {
                    String t = JsonFields.text(n, "text");
                    if (t != null) return t;
                }
            }
        }
        return null;
    }

    /** References of a holder (document or vulnerability), tagged with their CSAF category. */
    public static List<Reference> references(JsonNode holder) {
        List<Reference> out = new ArrayList<>();
        for (JsonNode r : JsonFields.array(holder, "references")) {
            String url = JsonFields.text(r, "url");
            if (url == null) continue;
            String category = JsonFields.text(r, "category");
            out.add(new Reference(url, category == null ? List.of() : List.of(category)));
        }
        return out;
    }

    private static Instant date(JsonNode document, String field) {
        String s = JsonFields.text(JsonFields.at(document, "tracking"), field);
        try {
            return FeedDates.parse(s, FeedDates.UTC);
        } catch (DateTimeException e) {
            throw new InvalidField("/tracking/" + field, "not a date: '" + s + "'");
        }
    }

    static String lang(String tag) {
        if (tag == null) return "en";
        int dash = tag.indexOf('-');
        return (dash > 0 ? tag.substring(0, dash) : tag).toLowerCase(Locale.ROOT);
    }
}
