package jp.mamori.assessment.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.triage.TriageResult;

/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per vulnerability, one result per affected
 * component. Level follows the SSVC outcome (Act/Attend → error, Track* → warning, Track → note);
 * {@code security-severity} carries the CVSS score so that dashboards sort the same way.
 */
public final class SarifWriter {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifWriter() { }

    public static ObjectNode write(String artifact, String toolVersion, List<AssessedFinding> findings) {
        ObjectNode root = F.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Mamori");
        driver.put("informationUri", "https://github.com/mamori-jp/mamori");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (AssessedFinding f : findings) {
            if (f.candidate() || f.suppressed()) continue;
            String id = f.match().vulnId();
            Integer idx = ruleIndex.get(id);
            if (idx == null) {
                idx = ruleIndex.size();
                ruleIndex.put(id, idx);
                rules.add(rule(f));
            }
            results.add(result(f, idx, artifact));
        }
        return root;
    }

    private static ObjectNode rule(AssessedFinding f) {
        ObjectNode r = F.objectNode();
        r.put("id", f.match().vulnId());
        r.putObject("shortDescription").put("text", f.match().vulnId() + " in " + f.target().name());
        if (f.explanation() != null) {
            r.putObject("fullDescription").put("text", f.explanation().en());
            r.putObject("help").put("text", f.explanation().en() + "\n" + f.explanation().ja());
        }
        ObjectNode props = r.putObject("properties");
        TriageResult t = f.triage();
        if (t != null && t.cvss().baseScore() != null) props.put("security-severity", String.format(java.util.Locale.ROOT, "%.1f", t.cvss().baseScore()));
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add("vulnerability");
        if (f.kev() != null) tags.add("kev");
        return r;
    }

    private static ObjectNode result(AssessedFinding f, int ruleIndex, String artifact) {
        ObjectNode r = F.objectNode();
        r.put("ruleId", f.match().vulnId());
        r.put("ruleIndex", ruleIndex);
        TriageResult t = f.triage();
        r.put("level", t == null ? "warning" : switch (t.outcome()) {
            case ACT, ATTEND -> "error";
            case TRACK_STAR -> "warning";
            case TRACK -> "note";
        });
        String text = f.target().name() + " " + f.target().version() + " is affected by " + f.match().vulnId()
                + (t == null ? "" : " — SSVC " + t.outcome().display() + ", due " + t.dueDate())
                + (f.match().fixedIn().isEmpty() ? "" : "; fixed in " + String.join(", ", f.match().fixedIn()));
        r.putObject("message").put("text", text);
        ObjectNode loc = r.putArray("locations").addObject();
        loc.putObject("physicalLocation").putObject("artifactLocation").put("uri", artifact);
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("name", f.target().name());
        logical.put("fullyQualifiedName", f.target().purl() != null ? f.target().purl() : String.valueOf(f.target().cpe()));
        logical.put("kind", "module");
        ObjectNode props = r.putObject("properties");
        props.put("criterion", f.match().criterion());
        props.put("matchedBy", f.match().provenance());
        props.put("confidence", f.match().confidence().key());
        if (t != null) {
            props.put("ssvc", t.outcome().display());
            props.put("due", t.dueDate().toString());
            props.put("rule", t.ruleText());
        }
        return r;
    }
}
