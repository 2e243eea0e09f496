package jp.mamori.advisory.osv;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.CvssVectors;
import jp.mamori.advisory.feed.Cwes;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.JsonRecord;
import jp.mamori.advisory.feed.ReferenceCollector;
import jp.mamori.advisory.feed.Timestamps;

/**
 * Maps one OSV 1.x record to an {@link Advisory}.
 *
 * <ul>
 *   <li>vulnId: see {@link OsvIds#vulnId}; documentId is the OSV id; aliases are the OSV id and
 *       its {@code aliases} ({@code related} and {@code upstream} name other records).</li>
 *   <li>{@code published}/{@code modified} of Go's zero time (0001-01-01) mean "unknown": null.</li>
 *   <li>{@code withdrawn} present means withdrawn; {@code summary} is the title and
 *       {@code details} (else the summary) the English description.</li>
 *   <li>{@code severity[]} of the record and of each affected entry: CVSS_V2/V3/V4 vectors become
 *       CVSS scores without a base score (OSV publishes none) from "osv:&lt;id prefix&gt;"; other
 *       types (e.g. "Ubuntu": "medium") are not CVSS and are skipped.</li>
 *   <li>CWEs from {@code database_specific.cwe_ids} (GitHub's field).</li>
 *   <li>References keep the OSV {@code type} (ADVISORY, FIX, EVIDENCE, REPORT, ...) as their tag;
 *       OSV has no "exploit" type, so OSV never sets exploit evidence.</li>
 * </ul>
 */
final class OsvRecordMapper {
    private OsvRecordMapper() { }

    static Advisory map(JsonRecord rec) throws FeedFormatException {
        JsonNode n = rec.node();
        if (!n.isObject()) throw rec.error("", "expected an OSV record object");
        String id = JsonFields.text(n, "id");
        if (id == null) throw rec.error("/id", "OSV record without id");
        String summary = JsonFields.text(n, "summary");
        String details = JsonFields.text(n, "details");
        Advisory.Builder b = Advisory.builder(OsvIds.vulnId(n, id), Source.OSV, id)
                .alias(id)
                .title(summary)
                .published(instant(rec, "published"))
                .modified(instant(rec, "modified"))
                .withdrawn(n.hasNonNull("withdrawn"))
                .description("en", details != null ? details : summary);
        for (JsonNode a : JsonFields.array(n, "aliases")) b.alias(a.asText(null));
        String scorer = OsvIds.scorer(id);
        severities(n, scorer, b);
        for (JsonNode c : JsonFields.array(n.path("database_specific"), "cwe_ids")) b.cwe(Cwes.leadingId(c.asText(null)));
        int i = 0;
        for (JsonNode a : JsonFields.array(n, "affected")) {
            b.affected(OsvAffected.map(a, rec, "/affected/" + i));
            severities(a, scorer, b);
            i++;
        }
        ReferenceCollector refs = new ReferenceCollector();
        for (JsonNode r : JsonFields.array(n, "references")) {
            String type = JsonFields.text(r, "type");
            refs.add(JsonFields.text(r, "url"), type == null ? new String[0] : new String[] {type});
        }
        refs.references().forEach(b::reference);
        return b.build();
    }

    private static void severities(JsonNode node, String scorer, Advisory.Builder b) {
        for (JsonNode s : JsonFields.array(node, "severity")) {
            String type = JsonFields.text(s, "type");
            String vector = JsonFields.text(s, "score");
            if (type == null || vector == null || !type.startsWith("CVSS_")) continue;
            String version = CvssVectors.version(vector);
            if (version == null) version = type.equals("CVSS_V2") ? "2.0" : null;
            if (version == null) continue;
            CvssScore score = new CvssScore(version, vector, null, scorer, null);
            b.cvss(score);
        }
    }

    /** Go's zero time, which golang/vulndb writes in its repository copies for "not yet published". */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private static Instant instant(JsonRecord rec, String field) throws FeedFormatException {
        String text = JsonFields.text(rec.node(), field);
        try {
            Instant t = Timestamps.parse(text);
            return GO_ZERO_TIME.equals(t) ? null : t;
        } catch (DateTimeParseException e) {
            throw rec.error("/" + field, "not an RFC 3339 timestamp: '" + text + "'");
        }
    }
}
