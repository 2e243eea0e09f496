package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link DeadlineReason} of each row a list shows (dashboard, findings list, asset page), read at once:
 * the rows' stored evidence and the organisation's decisions in force — the same inputs the finding page,
 * the CLI and the export give {@link DeadlineReason#of}, so a row and its page say the same.
 */
public final class DeadlineReasons {

    private DeadlineReasons() { }

    public static Map<Long, DeadlineReason> of(Connection c, long orgId, List<FindingRow> rows) throws SQLException {
        Map<Long, DeadlineReason> out = new HashMap<>();
        if (rows.isEmpty()) return out;
        String in = String.join(", ", rows.stream().map(r -> "?").toList());
        Map<Long, String> evidence = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, evidence FROM finding WHERE organization_id = ? AND id IN (" + in + ")")) {
            ps.setLong(1, orgId);
            for (int i = 0; i < rows.size(); i++) ps.setLong(i + 2, rows.get(i).id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) evidence.put(rs.getLong(1), rs.getString(2));
            }
        }
        Map<Long, StoredDecision> current = DecisionStore.currentByFinding(c, orgId, null);
        for (FindingRow r : rows) out.put(r.id(), DeadlineReason.of(r, evidence.get(r.id()), current.get(r.id())));
        return out;
    }
}
