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
import jp.mamori.advisory.feed.Json;
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
        String id = Json.text(meta, "cveId");
        if (id == null) throw record.error("/cveMetadata/cveId", "CVE record without cveMetadata.cveId");
        JsonNode cna = root.path("containers").path("cna");
        if (!cna.isObject()) throw record.error("/containers/cna", "CVE record without a CNA container");
        boolean rejected = "REJECTED".equalsIgnoreCase(Json.text(meta, "state"));
        Advisory.Builder b = Advisory.builder(id, Source.CVE5, id)
                .title(Json.text(cna, "title"))
                .published(instant(record, meta, "datePublished"))
                .modified(instant(record, meta, "dateUpdated"))
                .withdrawn(rejected);
        if (rejected) descriptions(cna, "rejectedReasons", b);
        descriptions(cna, "descriptions", b);

        String recordUrl = "https://www.cve.org/CVERecord?id=" + id;
        ReferenceCollector refs = new ReferenceCollector();
        String assigner = Json.text(meta, "assignerShortName");
        String cnaName = shortName(cna, assigner != null ? assigner : "unknown");
        container(cna, "cna:" + cnaName, recordUrl, b, refs);
        for (JsonNode adp : Json.array(root.path("containers"), "adp")) {
            container(adp, "adp:" + shortName(adp, "unknown"), recordUrl, b, refs);
        }
        refs.references().forEach(b::reference);
        return b.build();
    }

    private static void container(JsonNode c, String scorer, String recordUrl, Advisory.Builder b, ReferenceCollector refs) {
        Cve5Metrics.map(c, scorer, recordUrl, b, refs);
        for (JsonNode pt : Json.array(c, "problemTypes")) {
            for (JsonNode d : Json.array(pt, "descriptions")) {
                String cwe = Cwes.leadingId(Json.text(d, "cweId"));
                b.cwe(cwe != null ? cwe : Cwes.leadingId(Json.text(d, "description")));
            }
        }
        for (JsonNode a : Json.array(c, "affected")) Cve5Affected.map(a, b);
        for (JsonNode r : Json.array(c, "references")) {
            List<String> tags = new ArrayList<>();
            for (JsonNode t : Json.array(r, "tags")) if (t.isTextual()) tags.add(t.textValue());
            refs.add(Json.text(r, "url"), tags);
        }
    }

    private static void descriptions(JsonNode cna, String field, Advisory.Builder b) {
        for (JsonNode d : Json.array(cna, field)) {
            b.description(Languages.primary(Json.text(d, "lang")), Json.text(d, "value"));
        }
    }

    private static String shortName(JsonNode container, String fallback) {
        String s = Json.text(container.path("providerMetadata"), "shortName");
        return s != null ? s : fallback;
    }

    private static Instant instant(JsonRecord record, JsonNode meta, String field) throws FeedFormatException {
        String text = Json.text(meta, field);
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw record.error("/cveMetadata/" + field, "not a timestamp: '" + text + "'");
        }
    }
}
