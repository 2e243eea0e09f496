package jp.mamori.advisory.nvd;

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
 * Maps one NVD CVE API 2.0 {@code cve} object to an {@link Advisory}.
 *
 * <ul>
 *   <li>vulnId and documentId are {@code id}; {@code vulnStatus} "Rejected" means withdrawn.</li>
 *   <li>Timestamps carry no zone; NVD documents them as UTC.</li>
 *   <li>CWEs: only real {@code CWE-n} ids. "NVD-CWE-Other" and "NVD-CWE-noinfo" are dropped: they
 *       state the absence of a classification and would otherwise be shown and counted as CWEs.</li>
 *   <li>{@code cisaExploitAdd}, {@code cisaActionDue}, {@code cisaRequiredAction},
 *       {@code cisaVulnerabilityName} are ignored on purpose: KEV facts come from the KEV feed
 *       only, so that a stale NVD copy can never contradict the catalogue, and {@code exploited}
 *       is not set from them.</li>
 *   <li>The newer {@code affected} block is NVD's copy of the CNA's CVE 5 data; the CVE 5 feed is
 *       the place for it, so it is not mapped here.</li>
 * </ul>
 */
final class NvdCveMapper {
    private NvdCveMapper() { }

    static Advisory map(JsonRecord cve) throws FeedFormatException {
        JsonNode n = cve.node();
        if (!n.isObject()) throw cve.error("", "expected a cve object");
        String id = JsonFields.text(n, "id");
        if (id == null) throw cve.error("/id", "cve object without id");
        Advisory.Builder b = Advisory.builder(id, Source.NVD, id)
                .published(instant(cve, "published"))
                .modified(instant(cve, "lastModified"))
                .withdrawn("Rejected".equalsIgnoreCase(JsonFields.text(n, "vulnStatus")));
        for (JsonNode d : JsonFields.array(n, "descriptions")) {
            b.description(Languages.primary(JsonFields.text(d, "lang")), JsonFields.text(d, "value"));
        }
        ReferenceCollector refs = new ReferenceCollector();
        NvdMetrics.map(cve, b, refs);
        for (JsonNode w : JsonFields.array(n, "weaknesses")) {
            for (JsonNode d : JsonFields.array(w, "description")) b.cwe(Cwes.leadingId(JsonFields.text(d, "value")));
        }
        NvdConfigurations.map(cve).forEach(b::configuration);
        for (JsonNode r : JsonFields.array(n, "references")) {
            List<String> tags = new ArrayList<>();
            for (JsonNode t : JsonFields.array(r, "tags")) if (t.isTextual()) tags.add(t.textValue());
            refs.add(JsonFields.text(r, "url"), tags);
        }
        refs.references().forEach(b::reference);
        return b.build();
    }

    private static Instant instant(JsonRecord cve, String field) throws FeedFormatException {
        String text = JsonFields.text(cve.node(), field);
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw cve.error("/" + field, "not a timestamp: '" + text + "'");
        }
    }
}
