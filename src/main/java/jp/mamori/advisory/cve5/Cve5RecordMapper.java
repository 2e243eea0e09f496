package jp.mamori.advisory.cve5;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.Cwes;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.feed.JsonRecord;
import jp.mamori.advisory.feed.Languages;
import jp.mamori.advisory.feed.ReferenceCollector;
import jp.mamori.advisory.feed.Timestamps;

/**
 * Maps one CVE JSON 5 record (cvelistV5) to an {@link Advisory}: the CNA container first, then
 * every ADP container (CISA-ADP "vulnrichment" adds CVSS, CWE, CPEs and SSVC to records whose CNA
 * gave none). CVSS sources are "cna:&lt;shortName&gt;" and "adp:&lt;shortName&gt;".
 */
final class Cve5RecordMapper {
    private Cve5RecordMapper() { }

    static Advisory map(JsonRecord record) throws FeedFormatException {
        JsonNode root = record.node();
        JsonNode meta = root.path("cveMetadata");
        String id = JsonFields.text(meta, "cveId");
        if (id == null) throw record.error("/cveMetadata/cveId", "CVE record without cveMetadata.cveId");
        JsonNode cna = root.path("containers").path("cna");
        if (!cna.isObject()) throw record.error("/containers/cna", "CVE record without a CNA container");
        boolean rejected = "REJECTED".equalsIgnoreCase(JsonFields.text(meta, "state"));
        Advisory.Builder b = Advisory.builder(id, Source.CVE5, id)
                .title(JsonFields.text(cna, "title"))
                .published(instant(record, meta, "datePublished"))
                .modified(instant(record, meta, "dateUpdated"))
                .withdrawn(rejected);
        if (rejected) descriptions(cna, "rejectedReasons", b);
        descriptions(cna, "descriptions", b);

        String recordUrl = "https://www.cve.org/CVERecord?id=" + id;
        ReferenceCollector refs = new ReferenceCollector();
        String assigner = JsonFields.text(meta, "assignerShortName");
        String cnaName = shortName(cna, assigner != null ? assigner : "unknown");
        container(cna, "cna:" + cnaName, recordUrl, b, refs);
        for (JsonNode adp : JsonFields.array(root.path("containers"), "adp")) {
            container(adp, "adp:" + shortName(adp, "unknown"), recordUrl, b, refs);
        }
        refs.references().forEach(b::reference);
        return b.build();
    }

    private static void container(JsonNode c, String scorer, String recordUrl, Advisory.Builder b, ReferenceCollector refs) {
        Cve5Metrics.map(c, scorer, recordUrl, b, refs);
        for (JsonNode pt : JsonFields.array(c, "problemTypes")) {
            for (JsonNode d : JsonFields.array(pt, "descriptions")) {
                String cwe = Cwes.leadingId(JsonFields.text(d, "cweId"));
                b.cwe(cwe != null ? cwe : Cwes.leadingId(JsonFields.text(d, "description")));
            }
        }
        for (JsonNode a : JsonFields.array(c, "affected")) Cve5Affected.map(a, b);
        for (JsonNode r : JsonFields.array(c, "references")) {
            List<String> tags = new ArrayList<>();
            for (JsonNode t : JsonFields.array(r, "tags")) if (t.isTextual()) tags.add(t.textValue());
            refs.add(JsonFields.text(r, "url"), tags);
        }
    }

    private static void descriptions(JsonNode cna, String field, Advisory.Builder b) {
        for (JsonNode d : JsonFields.array(cna, field)) {
            b.description(Languages.primary(JsonFields.text(d, "lang")), JsonFields.text(d, "value"));
        }
    }

    private static String shortName(JsonNode container, String fallback) {
        String s = JsonFields.text(container.path("providerMetadata"), "shortName");
        return s != null ? s : fallback;
    }

    private static Instant instant(JsonRecord record, JsonNode meta, String field) throws FeedFormatException {
        String text = JsonFields.text(meta, field);
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw record.error("/cveMetadata/" + field, "not a timestamp: '" + text + "'");
        }
    }
}
