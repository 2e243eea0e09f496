package jp.mamori.remediation.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.DecisionStore;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.remediation.mitigation.MitigationService;

/** The findings of an organisation with their decisions and mitigations, read once for an export. */
record ExportData(List<FindingRow> findings, Map<Long, FindingRow> byId, Map<Long, StoredDecision> current,
                  List<StoredDecision> decisions, Map<Long, List<Mitigation>> mitigations, Map<Long, String> evidence) {

    private static final int PAGE = 5000;

    static ExportData load(Database database, long orgId, FindingQuery.Filter filter) {
        FindingQuery q = new FindingQuery(database.dataSource());
        List<FindingRow> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<FindingRow> page = q.list(orgId, filter, PAGE, offset);
            rows.addAll(page);
            if (page.size() < PAGE) break;
        }
        Map<Long, FindingRow> byId = new HashMap<>();
        for (FindingRow r : rows) byId.put(r.id(), r);
        Set<Long> ids = byId.keySet();
        try (Connection c = database.connection()) {
            Map<Long, StoredDecision> current = new HashMap<>(DecisionStore.currentByFinding(c, orgId, null));
            current.keySet().retainAll(ids);
            List<StoredDecision> decisions = DecisionStore.all(c, orgId, ids);
            Map<Long, List<Mitigation>> mitigations = new HashMap<>();
            for (Mitigation m : MitigationService.list(c, orgId, null)) {
                if (ids.contains(m.findingId())) mitigations.computeIfAbsent(m.findingId(), k -> new ArrayList<>()).add(m);
            }
            Map<Long, String> evidence = new HashMap<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT id, evidence FROM finding WHERE organization_id = ?")) {
                ps.setLong(1, orgId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) if (ids.contains(rs.getLong(1))) evidence.put(rs.getLong(1), rs.getString(2));
                }
            }
            return new ExportData(rows, byId, current, decisions, mitigations, evidence);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decisions: " + e.getMessage(), e);
        }
    }

    /** The explanation ("why") of a finding in the language asked for, or null. */
    String explanation(long findingId, boolean english) {
        String ev = evidence.get(findingId);
        if (ev == null) return null;
        try {
            com.fasterxml.jackson.databind.JsonNode ex = jp.mamori.persistence.StoredJson.MAPPER.readTree(ev).path("explanation");
            com.fasterxml.jackson.databind.JsonNode text = ex.path(english ? "en" : "ja");
            return text.isTextual() ? text.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Why the finding's deadline in force is what it is. */
    jp.mamori.remediation.DeadlineReason deadlineReason(FindingRow r) {
        return jp.mamori.remediation.DeadlineReason.of(r, evidence.get(r.id()), current.get(r.id()));
    }

    FindingRow finding(long id) {
        return byId.get(id);
    }
}
