package jp.mamori.advisory.vex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.advisory.json.InvalidField;
import jp.mamori.intake.JsonFields;
import jp.mamori.advisory.support.FeedDates;

/**
 * One OpenVEX statement (v0.0.1 or v0.2.0) to one VexStatement per product.
 *
 * <p>The vulnerability is {@code vulnerability.name} (v0.2.0) or the {@code vulnerability}
 * string (v0.0.1). A product is a string or an object; an object is named by its {@code @id}
 * when that is a purl or CPE, else by {@code identifiers.purl}, {@code identifiers.cpe23},
 * {@code identifiers.cpe22}, else by its {@code @id}. Subcomponents only say where inside the
 * product the vulnerable code is: the statement is about the product, so the subcomponents are
 * not turned into statements of their own (that would extend an image's "not affected" to every
 * copy of the package anywhere).
 */
final class OpenVexStatementMapper {
    private static final Map<String, VexStatus> STATUS = Map.of(
            "not_affected", VexStatus.NOT_AFFECTED,
            "affected", VexStatus.AFFECTED,
            "fixed", VexStatus.FIXED,
            "under_investigation", VexStatus.UNDER_INVESTIGATION);

    private OpenVexStatementMapper() { }

    static List<VexStatement> map(JsonNode s, String documentId, Instant documentTimestamp) {
        String vulnId = vulnerability(s.get("vulnerability"));
        String statusText = JsonFields.text(s, "status");
        if (statusText == null) throw new InvalidField("/status", "statement without a status");
        VexStatus status = STATUS.get(statusText);
        if (status == null) {
            throw new InvalidField("/status", "unknown OpenVEX status '" + statusText
                    + "' (expected not_affected, affected, fixed or under_investigation)");
        }
        Instant timestamp = timestamp(s, "timestamp");
        if (timestamp == null) timestamp = documentTimestamp;
        String justification = JsonFields.text(s, "justification");
        String impact = JsonFields.text(s, "impact_statement");
        String action = JsonFields.text(s, "action_statement");
        List<VexStatement> out = new ArrayList<>();
        List<JsonNode> products = JsonFields.array(s, "products");
        for (int i = 0; i < products.size(); i++) {
            String product = product(products.get(i), i);
            out.add(new VexStatement(vulnId, product, status, justification, impact, action,
                    Source.OPENVEX, documentId, timestamp));
        }
        return out;
    }

    private static String vulnerability(JsonNode v) {
        String id = v != null && v.isObject()
                ? firstNonNull(JsonFields.text(v, "name"), JsonFields.text(v, "@id"))
                : JsonFields.text(v);
        if (id == null) throw new InvalidField("/vulnerability", "statement without a vulnerability name");
        return id;
    }

    private static String product(JsonNode p, int index) {
        if (!p.isObject()) {
            String s = JsonFields.text(p);
            if (s == null) throw new InvalidField("/products/" + index, "empty product");
            return s;
        }
        String id = JsonFields.text(p, "@id");
        if (id != null && (id.startsWith("pkg:") || id.startsWith("cpe:"))) return id;
        JsonNode identifiers = p.get("identifiers");
        String named = firstNonNull(JsonFields.text(identifiers, "purl"),
                firstNonNull(JsonFields.text(identifiers, "cpe23"), JsonFields.text(identifiers, "cpe22")));
        if (named != null) return named;
        if (id == null) throw new InvalidField("/products/" + index, "product without @id or identifiers");
        return id;
    }

    static Instant timestamp(JsonNode n, String field) {
        String t = JsonFields.text(n, field);
        try {
            return FeedDates.parse(t, FeedDates.UTC);
        } catch (DateTimeException e) {
            throw new InvalidField("/" + field, "not a timestamp: '" + t + "'");
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
