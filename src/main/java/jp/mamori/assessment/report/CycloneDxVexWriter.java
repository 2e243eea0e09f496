package jp.mamori.assessment.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.mamori.advisory.VexStatus;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.matching.MatchTarget;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * The one CycloneDX 1.5 VEX writer. {@link #write(SbomDocument, List)} is the VEX of a scan: every
 * confirmed or suppressed finding as a vulnerability that affects a component of the BOM, with its
 * CVSS rating and analysis; findings nobody has decided on yet are {@code in_triage}, VEX-suppressed
 * ones keep the statement's state and justification. {@link Document} is the assembly both that and
 * the export of an organisation's decisions ({@code remediation.export}) write through, so components,
 * justifications and the JSON form are the same in both.
 */
public final class CycloneDxVexWriter {

    private CycloneDxVexWriter() { }

    public static String write(SbomDocument doc, List<AssessedFinding> findings) {
        Document d = new Document("urn:uuid:" + UUID.randomUUID(), null, null);
        for (AssessedFinding f : findings) {
            if (f.candidate()) continue;
            MatchTarget t = f.target();
            String ref = t.ref() != null ? t.ref() : (t.purl() != null ? t.purl() : t.name() + "@" + t.version());
            d.component(ref, t.name(), t.version(), t.purl(), t.cpe());
            d.vulnerability(vulnerability(f, ref));
        }
        return d.json();
    }

    /** One VEX document being assembled: its subject, the affected components (each once) and the vulnerabilities. */
    public static final class Document {
        private final Bom bom = new Bom();
        private final Map<String, Component> components = new LinkedHashMap<>();
        private final List<Vulnerability> vulnerabilities = new ArrayList<>();

        /** @param timestamp null to leave it out; @param subject the BOM's own component, or null */
        public Document(String serialNumber, Instant timestamp, Component subject) {
            bom.setSerialNumber(serialNumber);
            bom.setVersion(1);
            if (timestamp != null || subject != null) {
                Metadata meta = new Metadata();
                if (timestamp != null) meta.setTimestamp(Date.from(timestamp));
                if (subject != null) meta.setComponent(subject);
                bom.setMetadata(meta);
            }
        }

        /** Adds the component once per ref: firmware when it is named by CPE only, otherwise a library. */
        public void component(String ref, String name, String version, String purl, String cpe) {
            components.computeIfAbsent(ref, r -> {
                Component c = new Component();
                c.setBomRef(r);
                c.setType(cpe != null && purl == null ? Component.Type.FIRMWARE : Component.Type.LIBRARY);
                c.setName(name == null ? r : name);
                c.setVersion(version);
                if (purl != null) c.setPurl(purl);
                if (cpe != null) c.setCpe(cpe);
                return c;
            });
        }

        public void vulnerability(Vulnerability v) {
            vulnerabilities.add(v);
        }

        public String json() {
            bom.setComponents(new ArrayList<>(components.values()));
            bom.setVulnerabilities(vulnerabilities);
            try {
                return BomGeneratorFactory.createJson(Version.VERSION_15, bom).toJsonString();
            } catch (GeneratorException e) {
                throw new IllegalStateException("cannot write CycloneDX VEX: " + e.getMessage(), e);
            }
        }
    }

    /** A vulnerability entry that affects one ref. */
    public static Vulnerability affecting(String vulnId, String ref) {
        Vulnerability v = new Vulnerability();
        v.setBomRef(vulnId + "@" + ref);
        v.setId(vulnId);
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(ref);
        v.setAffects(List.of(affect));
        return v;
    }

    private static Vulnerability vulnerability(AssessedFinding f, String ref) {
        Vulnerability v = affecting(f.match().vulnId(), ref);
        Vulnerability.Source src = new Vulnerability.Source();
        src.setName(f.match().source().key());
        v.setSource(src);
        if (f.triage() != null && f.triage().cvss().present()) {
            Vulnerability.Rating r = new Vulnerability.Rating();
            r.setScore(f.triage().cvss().baseScore());
            r.setVector(f.triage().cvss().chosen().vector());
            r.setMethod(switch (f.triage().cvss().chosen().version()) {
                case "2.0" -> Vulnerability.Rating.Method.CVSSV2;
                case "3.0" -> Vulnerability.Rating.Method.CVSSV3;
                case "4.0" -> Vulnerability.Rating.Method.CVSSV4;
                default -> Vulnerability.Rating.Method.CVSSV31;
            });
            r.setSeverity(severity(f.triage().severity()));
            Vulnerability.Source rs = new Vulnerability.Source();
            rs.setName(f.triage().cvss().chosen().source());
            r.setSource(rs);
            v.setRatings(List.of(r));
        }
        if (f.explanation() != null) v.setDetail(f.explanation().en());
        if (!f.match().fixedIn().isEmpty()) v.setRecommendation("Update to " + String.join(" or ", f.match().fixedIn()) + " or later.");
        Vulnerability.Analysis a = new Vulnerability.Analysis();
        if (f.vex() != null) {
            a.setState(state(f.vex().status()));
            if (f.vex().status() == VexStatus.NOT_AFFECTED) {
                Vulnerability.Analysis.Justification j = justification(f.vex().justification());
                if (j != null) a.setJustification(j);
            }
            String detail = f.vex().impact() != null ? f.vex().impact() : f.vex().action();
            if (detail != null) a.setDetail(detail);
        } else {
            a.setState(Vulnerability.Analysis.State.IN_TRIAGE);
            if (!f.match().fixedIn().isEmpty()) a.setResponses(List.of(Vulnerability.Analysis.Response.UPDATE));
        }
        v.setAnalysis(a);
        return v;
    }

    private static Vulnerability.Analysis.State state(VexStatus s) {
        return switch (s) {
            case NOT_AFFECTED -> Vulnerability.Analysis.State.NOT_AFFECTED;
            case FIXED -> Vulnerability.Analysis.State.RESOLVED;
            case AFFECTED -> Vulnerability.Analysis.State.EXPLOITABLE;
            case UNDER_INVESTIGATION -> Vulnerability.Analysis.State.IN_TRIAGE;
        };
    }

    /** OpenVEX / CSAF justifications mapped onto CycloneDX's (closest meaning). */
    public static Vulnerability.Analysis.Justification justification(String j) {
        if (j == null) return null;
        return switch (j.toLowerCase(java.util.Locale.ROOT)) {
            case "code_not_present", "vulnerable_code_not_present", "component_not_present" -> Vulnerability.Analysis.Justification.CODE_NOT_PRESENT;
            case "code_not_reachable", "vulnerable_code_not_in_execute_path", "vulnerable_code_cannot_be_controlled_by_adversary" ->
                    Vulnerability.Analysis.Justification.CODE_NOT_REACHABLE;
            case "requires_configuration" -> Vulnerability.Analysis.Justification.REQUIRES_CONFIGURATION;
            case "requires_dependency" -> Vulnerability.Analysis.Justification.REQUIRES_DEPENDENCY;
            case "requires_environment" -> Vulnerability.Analysis.Justification.REQUIRES_ENVIRONMENT;
            case "protected_by_compiler" -> Vulnerability.Analysis.Justification.PROTECTED_BY_COMPILER;
            case "protected_at_runtime" -> Vulnerability.Analysis.Justification.PROTECTED_AT_RUNTIME;
            case "protected_at_perimeter" -> Vulnerability.Analysis.Justification.PROTECTED_AT_PERIMETER;
            case "protected_by_mitigating_control", "inline_mitigations_already_exist" -> Vulnerability.Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL;
            default -> null;
        };
    }

    private static Vulnerability.Rating.Severity severity(String s) {
        if (s == null) return Vulnerability.Rating.Severity.UNKNOWN;
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "critical" -> Vulnerability.Rating.Severity.CRITICAL;
            case "high" -> Vulnerability.Rating.Severity.HIGH;
            case "medium" -> Vulnerability.Rating.Severity.MEDIUM;
            case "low" -> Vulnerability.Rating.Severity.LOW;
            case "none" -> Vulnerability.Rating.Severity.NONE;
            default -> Vulnerability.Rating.Severity.UNKNOWN;
        };
    }
}
