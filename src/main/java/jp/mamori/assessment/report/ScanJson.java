package jp.mamori.assessment.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.VexStatement;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.matching.Match;
import jp.mamori.matching.MatchTarget;
import jp.mamori.triage.TriageResult;
import jp.mamori.triage.ssvc.SsvcInput;

/**
 * The {@code mamori.scan/1} JSON document (SPEC §5). Confirmed findings, low-confidence
 * candidates and VEX-suppressed findings are kept in separate lists, never mixed.
 */
public final class ScanJson {

    public static final String SCHEMA = "mamori.scan/1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ScanJson() { }

    /** @param sortedFindings already in priority order */
    public static ObjectNode build(String format, String specVersion, int componentCount, List<AssessedFinding> sortedFindings) {
        ObjectNode root = F.objectNode();
        root.put("schema", SCHEMA);
        ObjectNode sbom = root.putObject("sbom");
        sbom.put("format", format);
        sbom.put("specVersion", specVersion);
        sbom.put("components", componentCount);
        ArrayNode findings = root.putArray("findings");
        ArrayNode candidates = root.putArray("candidates");
        ArrayNode suppressed = root.putArray("suppressed");
        int act = 0, attend = 0, trackStar = 0, track = 0;
        for (AssessedFinding f : sortedFindings) {
            ObjectNode n = finding(f);
            if (f.suppressed()) {
                suppressed.add(n);
            } else if (f.candidate()) {
                candidates.add(n);
            } else {
                findings.add(n);
                if (f.triage() != null) {
                    switch (f.triage().outcome()) {
                        case ACT -> act++;
                        case ATTEND -> attend++;
                        case TRACK_STAR -> trackStar++;
                        case TRACK -> track++;
                    }
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("act", act);
        summary.put("attend", attend);
        summary.put("trackStar", trackStar);
        summary.put("track", track);
        summary.put("candidates", candidates.size());
        summary.put("suppressed", suppressed.size());
        return root;
    }

    public static ObjectNode finding(AssessedFinding f) {
        Match m = f.match();
        MatchTarget t = f.target();
        ObjectNode n = F.objectNode();
        n.put("id", m.vulnId());
        ArrayNode aliases = n.putArray("aliases");
        f.aliases().forEach(aliases::add);
        ObjectNode c = n.putObject("component");
        c.put("ref", t.ref());
        c.put("name", t.name());
        c.put("version", t.version());
        c.put("purl", t.purl());
        c.put("cpe", t.cpe());
        ObjectNode match = n.putObject("match");
        match.put("by", m.by().key());
        match.put("source", m.source().key());
        match.put("documentId", m.documentId());
        match.put("criterion", m.criterion());
        match.put("scheme", m.scheme() == null ? null : m.scheme().id());
        match.put("identifier", m.identifier());
        match.put("confidence", m.confidence().key());
        if (m.suggestedIdentifier()) {
            // only when suggested, so the stored evidence of every declared match stays byte for byte what it was
            match.put("identifierOrigin", "suggested");
            match.put("identifierNote", Match.SUGGESTED_NOTE);
        }
        if (!m.alsoBy().isEmpty()) {
            ArrayNode also = match.putArray("alsoMatchedBy");
            m.alsoBy().forEach(also::add);
        }
        if (m.note() != null) match.put("note", m.note());
        if (!m.runningOn().isEmpty()) {
            ArrayNode on = match.putArray("runningOn");
            m.runningOn().forEach(on::add);
        }
        ArrayNode fixed = n.putArray("fixedIn");
        m.fixedIn().forEach(fixed::add);
        TriageResult tr = f.triage();
        if (tr != null) triage(n, tr);
        if (f.kev() != null) {
            ObjectNode kev = n.putObject("kev");
            kev.put("dateAdded", String.valueOf(f.kev().dateAdded()));
            kev.put("dueDate", f.kev().dueDate() == null ? null : f.kev().dueDate().toString());
            kev.put("ransomware", f.kev().ransomware());
            kev.put("requiredAction", f.kev().requiredAction());
        } else {
            n.putNull("kev");
        }
        if (f.epss() != null) {
            ObjectNode epss = n.putObject("epss");
            epss.put("score", f.epss().score());
            epss.put("percentile", f.epss().percentile());
            if (f.epss().scoreDate() != null) epss.put("date", f.epss().scoreDate().toString());
        } else {
            n.putNull("epss");
        }
        if (f.explanation() != null) {
            ObjectNode ex = n.putObject("explanation");
            ex.put("ja", f.explanation().ja());
            ex.put("en", f.explanation().en());
        }
        if (f.vex() != null) n.set("vex", vex(f.vex()));
        return n;
    }

    private static void triage(ObjectNode n, TriageResult tr) {
        if (tr.cvss().present()) {
            ObjectNode chosen = cvss(tr.cvss().chosen(), tr.cvss().baseScore());
            chosen.put("reasonJa", tr.cvss().reasonJa());
            chosen.put("reasonEn", tr.cvss().reasonEn());
            n.set("cvss", chosen);
            if (tr.cvss().higherElsewherePresent()) {
                ObjectNode h = cvss(tr.cvss().higherElsewhere(), tr.cvss().higherScore());
                h.put("noteJa", tr.cvss().higherNoteJa());
                h.put("noteEn", tr.cvss().higherNoteEn());
                n.set("cvssHigherElsewhere", h);
            }
        } else {
            n.putNull("cvss");
        }
        n.put("severity", tr.severity() == null ? null : tr.severity().toLowerCase(java.util.Locale.ROOT));
        n.put("severityJa", tr.severityJa());
        n.put("exploitation", tr.exploitation().key());
        ObjectNode ssvc = n.putObject("ssvc");
        ssvc.put("decision", tr.outcome().display());
        ssvc.put("exploitation", tr.inputs().exploitation().value().key());
        ssvc.put("automatable", tr.inputs().automatable().value().key());
        ssvc.put("technicalImpact", tr.inputs().technicalImpact().value().key());
        ssvc.put("exposure", tr.inputs().exposure().value().key());
        ssvc.put("mission", tr.inputs().mission().value().key());
        ssvc.put("missionFromAsset", tr.missionFromAsset().key());
        ssvc.put("missionRaisedBecauseOpen", tr.missionRaised());
        ssvc.put("rule", tr.ruleText());
        ObjectNode ev = ssvc.putObject("evidence");
        evidence(ev, "exploitation", tr.inputs().exploitation());
        evidence(ev, "automatable", tr.inputs().automatable());
        evidence(ev, "technicalImpact", tr.inputs().technicalImpact());
        evidence(ev, "exposure", tr.inputs().exposure());
        evidence(ev, "mission", tr.inputs().mission());
        n.put("due", tr.dueDate().toString());
        n.put("dueBasis", tr.deadline().basis().name().toLowerCase(java.util.Locale.ROOT));
        n.put("duePolicyDays", tr.deadline().policyDays());
        n.put("dueFrom", tr.decisionDate().toString());
        n.put("overdue", tr.overdue());
    }

    private static void evidence(ObjectNode ev, String name, SsvcInput<?> in) {
        ObjectNode o = ev.putObject(name);
        o.put("source", in.source());
        o.put("evidence", in.evidence());
        if (in.overridden()) o.put("overridden", true);
    }

    private static ObjectNode cvss(CvssScore s, Double score) {
        ObjectNode o = F.objectNode();
        o.put("version", s.version());
        o.put("vector", s.vector());
        if (score != null) o.put("baseScore", score);
        o.put("source", s.source());
        if (s.type() != null) o.put("type", s.type());
        return o;
    }

    static JsonNode vex(VexStatement v) {
        ObjectNode o = F.objectNode();
        o.put("status", v.status().key());
        o.put("justification", v.justification());
        o.put("impact", v.impact());
        o.put("action", v.action());
        o.put("product", v.product());
        o.put("source", v.source().key());
        o.put("documentId", v.documentId());
        if (v.timestamp() != null) o.put("timestamp", v.timestamp().toString());
        return o;
    }
}
