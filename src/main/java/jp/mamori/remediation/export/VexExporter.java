package jp.mamori.remediation.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.VexStatus;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.DecisionStore;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.remediation.VexJustification;
import jp.mamori.remediation.WorkflowException;

/**
 * The organisation's decisions about one asset as VEX, for vendors, the prefecture's security cloud
 * or the next scan: not affected (with justification), fixed, affected (with the action taken), or
 * under investigation. Written as OpenVEX 0.2.0 or CycloneDX 1.5 VEX.
 */
public final class VexExporter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;

    public VexExporter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The document to write, with how many statements it holds. */
    public record Document(String json, int statements) { }

    public Document openVex(long orgId, String assetCode) {
        Subject s = subject(orgId, assetCode);
        List<VexEntry> entries = entries(orgId, s.asset());
        return new Document(OpenVexWriter.write(s.organization(), s.asset(), entries, clock.instant()), entries.size());
    }

    public Document cycloneDx(long orgId, String assetCode) {
        Subject s = subject(orgId, assetCode);
        List<VexEntry> entries = entries(orgId, s.asset());
        return new Document(CycloneDxDecisionVex.write(s.organization(), s.asset(), entries, clock.instant()), entries.size());
    }

    private record Subject(Organization organization, Asset asset) { }

    private Subject subject(long orgId, String assetCode) {
        InventoryRepository repo = new InventoryRepository(database.dataSource());
        Organization org = repo.organizationById(orgId).orElseThrow();
        Asset asset = repo.assets().find(orgId, assetCode).orElseThrow(() -> new WorkflowException("資産 '" + assetCode + "' が見つかりません",
                "no asset '" + assetCode + "'"));
        return new Subject(org, asset);
    }

    List<VexEntry> entries(long orgId, Asset asset) {
        List<VexEntry> out = new ArrayList<>();
        try (Connection c = database.connection()) {
            Map<Long, StoredDecision> decisions = DecisionStore.currentByFinding(c, orgId, asset.id());
            try (PreparedStatement ps = c.prepareStatement("SELECT id, vuln_id, state, candidate, evidence, component_name, component_version, "
                    + "first_seen, closed_at FROM finding WHERE organization_id = ? AND asset_id = ? ORDER BY vuln_id, id")) {
                ps.setLong(1, orgId);
                ps.setLong(2, asset.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        StoredDecision d = decisions.get(id);
                        // A low-confidence candidate nobody has looked at is not a statement the organisation makes.
                        if (rs.getBoolean(4) && d == null) continue;
                        Timestamp closed = rs.getTimestamp(9);
                        out.add(entry(asset, id, rs.getString(2), FindingState.fromKey(rs.getString(3)), rs.getString(5), rs.getString(6),
                                rs.getString(7), d, closed != null ? closed.toInstant() : rs.getTimestamp(8).toInstant()));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read findings: " + e.getMessage(), e);
        }
        return out;
    }

    private static VexEntry entry(Asset asset, long id, String vulnId, FindingState state, String evidence, String name, String version,
                                  StoredDecision d, Instant seen) {
        JsonNode ev = parse(evidence);
        JsonNode comp = ev.path("component");
        String purl = text(comp, "purl");
        String cpe = text(comp, "cpe");
        if (purl == null && cpe == null && name == null) cpe = asset.cpe();
        String product = purl != null ? purl : cpe != null ? cpe
                : "urn:mamori:asset:" + asset.code() + ":" + (name == null ? "device" : name + (version == null ? "" : "@" + version));
        Instant at = d != null ? d.decidedAt() : seen;
        String reason = d == null ? null : d.reason();
        VexStatus status;
        String justification = null;
        String impact = null;
        String action = null;
        switch (state) {
            case NOT_AFFECTED -> {
                status = VexStatus.NOT_AFFECTED;
                if (d != null && d.justification() != null) {
                    justification = d.justification();
                    impact = reason;
                } else {
                    JsonNode vex = ev.path("vex");
                    justification = normalise(text(vex, "justification"));
                    impact = text(vex, "impact") != null ? text(vex, "impact")
                            : "VEX " + text(vex, "source") + " " + text(vex, "documentId");
                }
            }
            case FALSE_POSITIVE -> {
                status = VexStatus.NOT_AFFECTED;
                justification = VexJustification.COMPONENT_NOT_PRESENT.key();
                impact = "誤検出 / false positive: " + reason;
            }
            case FIXED -> status = VexStatus.FIXED;
            case PATCH_SCHEDULED, MITIGATION_PLANNED, MITIGATED, RISK_ACCEPTED -> {
                status = VexStatus.AFFECTED;
                action = actionStatement(d, state);
            }
            default -> status = VexStatus.UNDER_INVESTIGATION;
        }
        return new VexEntry(id, vulnId, product, name, version, purl, cpe, state, status, justification, impact, action, at);
    }

    private static String actionStatement(StoredDecision d, FindingState state) {
        String reason = d == null ? "" : " " + d.reason();
        String until = d == null || d.until() == null ? "" : d.until().toString();
        if (d != null && d.action() == DecisionAction.ACCEPT || state == FindingState.RISK_ACCEPTED) {
            return "リスク受容（" + until + " まで）/ risk accepted until " + until + "." + reason;
        }
        if (state == FindingState.MITIGATED) return "回避策を適用済み（パッチ期限 " + until + "）/ mitigated; patch by " + until + "." + reason;
        if (state == FindingState.MITIGATION_PLANNED) {
            return "回避策を計画中（パッチ期限 " + until + "）/ mitigation planned; patch by " + until + "." + reason;
        }
        return "パッチ適用予定（" + until + " まで）/ patch scheduled by " + until + "." + reason;
    }

    /** OpenVEX justification from a stored one (CSAF and OpenVEX share names; CycloneDX's are mapped). */
    private static String normalise(String j) {
        if (j == null) return null;
        try {
            return VexJustification.fromKey(j).key();
        } catch (WorkflowException e) {
            return switch (j) {
                case "code_not_present" -> VexJustification.VULNERABLE_CODE_NOT_PRESENT.key();
                case "code_not_reachable" -> VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH.key();
                case "protected_by_mitigating_control", "protected_at_runtime", "protected_at_perimeter" ->
                        VexJustification.INLINE_MITIGATIONS_ALREADY_EXIST.key();
                default -> null;
            };
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
