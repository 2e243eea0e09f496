package jp.mamori.remediation.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.mamori.assessment.report.CycloneDxVexWriter;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.FindingState;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;

/**
 * CycloneDX 1.5 VEX of the organisation's decisions: the asset as the BOM's subject, each finding a
 * vulnerability whose analysis says what was decided (state, justification, response, detail).
 * Written through {@link CycloneDxVexWriter.Document}, the same assembly as a scan's VEX.
 */
final class CycloneDxDecisionVex {

    private CycloneDxDecisionVex() { }

    static String write(Organization org, Asset asset, List<VexEntry> entries, Instant now) {
        Component subject = new Component();
        subject.setType(asset.kind() == jp.mamori.inventory.AssetKind.APPLICATION ? Component.Type.APPLICATION : Component.Type.DEVICE);
        subject.setBomRef("asset:" + asset.code());
        subject.setName(asset.product() != null ? asset.product() : asset.name());
        subject.setVersion(asset.version());
        if (asset.cpe() != null) subject.setCpe(asset.cpe());
        CycloneDxVexWriter.Document doc = new CycloneDxVexWriter.Document(
                "urn:uuid:" + UUID.nameUUIDFromBytes((org.code() + "/" + asset.code() + "/" + now).getBytes(StandardCharsets.UTF_8)),
                now, subject);
        for (VexEntry e : entries) {
            boolean device = asset.cpe() != null && asset.cpe().equals(e.cpe()) && e.purl() == null;
            String affects = device ? subject.getBomRef() : e.productId();
            if (!device) doc.component(affects, e.name(), e.version(), e.purl(), e.cpe());
            doc.vulnerability(vulnerability(e, affects));
        }
        return doc.json();
    }

    private static Vulnerability vulnerability(VexEntry e, String affects) {
        Vulnerability v = CycloneDxVexWriter.affecting(e.vulnId(), affects);
        Analysis a = new Analysis();
        switch (e.status()) {
            case NOT_AFFECTED -> {
                a.setState(e.state() == FindingState.FALSE_POSITIVE ? Analysis.State.FALSE_POSITIVE : Analysis.State.NOT_AFFECTED);
                Analysis.Justification j = CycloneDxVexWriter.justification(e.justification());
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
        return v;
    }

}
