package jp.mamori.remediation.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.Organization;

/** OpenVEX 0.2.0 (https://openvex.dev/ns/v0.2.0): one statement per finding. */
final class OpenVexWriter {

    static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenVexWriter() { }

    static String write(Organization org, Asset asset, List<VexEntry> entries, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("@context", CONTEXT);
        doc.put("@id", "urn:uuid:" + UUID.nameUUIDFromBytes((org.code() + "/" + asset.code() + "/" + at).getBytes(StandardCharsets.UTF_8)));
        doc.put("author", org.name() + " (Mamori)");
        doc.put("role", "Document Creator");
        doc.put("timestamp", at.toString());
        doc.put("version", 1);
        doc.put("tooling", "Mamori");
        ArrayNode statements = doc.putArray("statements");
        for (VexEntry e : entries) {
            ObjectNode s = statements.addObject();
            s.putObject("vulnerability").put("name", e.vulnId());
            ObjectNode p = s.putArray("products").addObject();
            p.put("@id", e.productId());
            ObjectNode ids = JSON.createObjectNode();
            if (e.purl() != null) ids.put("purl", e.purl());
            if (e.cpe() != null) ids.put("cpe23", e.cpe());
            if (!ids.isEmpty()) p.set("identifiers", ids);
            s.put("status", e.status().key());
            if (e.justification() != null) s.put("justification", e.justification());
            // not_affected needs a justification or an impact statement; affected needs an action statement.
            if (e.impact() != null) s.put("impact_statement", e.impact());
            else if (e.status() == jp.mamori.advisory.VexStatus.NOT_AFFECTED && e.justification() == null) s.put("impact_statement", "not affected");
            if (e.action() != null) s.put("action_statement", e.action());
            s.put("timestamp", e.timestamp().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
