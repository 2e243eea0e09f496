package jp.mamori.remediation.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.FindingState;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;

/**
 * CycloneDX 1.5 VEX of the organisation's decisions: the asset as the BOM's subject, each finding a
 * vulnerability whose analysis says what was decided (state, justification, response, detail).
 */
final class CycloneDxDecisionVex {

    private CycloneDxDecisionVex() { }

    static String write(Organization org, Asset asset, List<VexEntry> entries, Instant now) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((org.code() + "/" + asset.code() + "/" + now).getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(1);
        Metadata meta = new Metadata();
        meta.setTimestamp(Date.from(now));
        Component subject = new Component();
        subject.setType(asset.kind() == jp.mamori.inventory.AssetKind.APPLICATION ? Component.Type.APPLICATION : Component.Type.DEVICE);
        subject.setBomRef("asset:" + asset.code());
        subject.setName(asset.product() != null ? asset.product() : asset.name());
        subject.setVersion(asset.version());
        if (asset.cpe() != null) subject.setCpe(asset.cpe());
        meta.setComponent(subject);
        bom.setMetadata(meta);
        Map<String, Component> components = new LinkedHashMap<>();
        List<Vulnerability> vulns = new ArrayList<>();
        for (VexEntry e : entries) {
            String ref = e.productId();
            boolean device = asset.cpe() != null && asset.cpe().equals(e.cpe()) && e.purl() == null;
            String affects = device ? subject.getBomRef() : ref;
            if (!device) components.computeIfAbsent(ref, r -> component(r, e));
            vulns.add(vulnerability(e, affects));
        }
        bom.setComponents(new ArrayList<>(components.values()));
        bom.setVulnerabilities(vulns);
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_15, bom).toJsonString();
        } catch (GeneratorException ex) {
            throw new IllegalStateException("cannot write CycloneDX VEX: " + ex.getMessage(), ex);
        }
    }

    private static Component component(String ref, VexEntry e) {
        Component c = new Component();
        c.setBomRef(ref);
        c.setType(e.purl() == null && e.cpe() != null ? Component.Type.FIRMWARE : Component.Type.LIBRARY);
        c.setName(e.name() == null ? ref : e.name());
        c.setVersion(e.version());
        if (e.purl() != null) c.setPurl(e.purl());
        if (e.cpe() != null) c.setCpe(e.cpe());
        return c;
    }

    private static Vulnerability vulnerability(VexEntry e, String affects) {
        Vulnerability v = new Vulnerability();
        v.setBomRef(e.vulnId() + "@" + affects);
        v.setId(e.vulnId());
        Analysis a = new Analysis();
        switch (e.status()) {
            case NOT_AFFECTED -> {
                a.setState(e.state() == FindingState.FALSE_POSITIVE ? Analysis.State.FALSE_POSITIVE : Analysis.State.NOT_AFFECTED);
                Analysis.Justification j = justification(e.justification());
                if (j != null && e.state() != FindingState.FALSE_POSITIVE) a.setJustification(j);
                if (e.impact() != null) a.setDetail(e.impact());
            }
            case FIXED -> a.setState(Analysis.State.RESOLVED);
            case AFFECTED -> {
                a.setState(Analysis.State.EXPLOITABLE);
                a.setResponses(List.of(switch (e.state()) {
                    case MITIGATED -> Analysis.Response.WORKAROUND_AVAILABLE;
                    case RISK_ACCEPTED -> Analysis.Response.WILL_NOT_FIX;
                    default -> Analysis.Response.UPDATE;
                }));
                if (e.action() != null) a.setDetail(e.action());
            }
            default -> a.setState(Analysis.State.IN_TRIAGE);
        }
        v.setAnalysis(a);
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(affects);
        v.setAffects(List.of(affect));
        return v;
    }

    private static Analysis.Justification justification(String openVex) {
        if (openVex == null) return null;
        return switch (openVex) {
            case "component_not_present", "vulnerable_code_not_present" -> Analysis.Justification.CODE_NOT_PRESENT;
            case "vulnerable_code_not_in_execute_path", "vulnerable_code_cannot_be_controlled_by_adversary" -> Analysis.Justification.CODE_NOT_REACHABLE;
            case "inline_mitigations_already_exist" -> Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL;
            default -> null;
        };
    }
}
