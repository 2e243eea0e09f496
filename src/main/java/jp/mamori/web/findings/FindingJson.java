package jp.mamori.web.findings;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.remediation.FindingRow;

/** The JSON shape of a finding row (stable names; fields may be added). */
public final class FindingJson {
    private FindingJson() { }

    public static Map<String, Object> row(FindingRow f, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("vulnId", f.vulnId());
        m.put("outcome", f.outcome());
        m.put("due", f.due() == null ? null : f.due().toString());
        m.put("overdue", f.overdue(today));
        m.put("state", f.state());
        m.put("severity", f.severity());
        m.put("cvssScore", f.cvssScore());
        m.put("exploitation", f.exploitation());
        m.put("system", Map.of("id", f.systemId(), "name", f.systemName()));
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("id", f.assetId());
        asset.put("code", f.assetCode());
        asset.put("name", f.assetName());
        asset.put("internetBoundary", f.boundary());
        m.put("asset", asset);
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", f.componentName());
        component.put("version", f.componentVersion());
        m.put("component", component);
        m.put("fixedIn", f.fixedIn());
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("by", f.matchBy());
        match.put("source", f.matchSource());
        match.put("criterion", f.criterion());
        match.put("confidence", f.confidence());
        match.put("candidate", f.candidate());
        m.put("match", match);
        m.put("priority", f.priority());
        m.put("firstSeen", f.firstSeen() == null ? null : f.firstSeen().toString());
        return m;
    }
}
