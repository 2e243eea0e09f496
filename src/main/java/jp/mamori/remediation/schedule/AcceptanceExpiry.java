package jp.mamori.remediation.schedule;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.remediation.DecisionStore;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.FindingState;
import jp.mamori.notify.NotificationEvent;
import jp.mamori.notify.NotificationQueue;

/**
 * A risk acceptance lasts until its date (inclusive); the day after, the finding is open again
 * (state NEW) and its people are told, so an acceptance is a decision with an end, not a way out.
 */
final class AcceptanceExpiry {

    private record Expired(long findingId, long orgId, long systemId, long assetId, String identity, String vulnId, String assetCode,
                           String outcome, LocalDate due, LocalDate until) { }

    int run(Connection c, LocalDate today, Instant now) throws SQLException {
        List<Expired> expired = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.organization_id, f.system_id, f.asset_id, f.component_identity, "
                + "f.vuln_id, a.code, f.outcome, f.due_date, d.until_date FROM finding f JOIN asset a ON a.id = f.asset_id "
                + "JOIN finding_decision d ON d.finding_id = f.id AND d.superseded_at IS NULL AND d.action = 'accept' "
                + "WHERE f.state = 'risk_accepted' AND d.until_date < ? ORDER BY f.id")) {
            ps.setDate(1, Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(9);
                    expired.add(new Expired(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), due == null ? null : due.toLocalDate(), rs.getDate(10).toLocalDate()));
                }
            }
        }
        for (Expired e : expired) {
            DecisionStore.supersede(c, new DecisionStore.Identity(e.findingId(), e.assetId(), e.identity(), e.vulnId()), now,
                    "リスク受容の期限切れ / risk acceptance expired " + e.until());
            try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET state = 'new' WHERE id = ?")) {
                ps.setLong(1, e.findingId());
                ps.executeUpdate();
            }
            FindingRecorder.event(c, e.findingId(), now, ChangeWatcher.ACTOR, "acceptance_expired", FindingState.RISK_ACCEPTED, FindingState.NEW,
                    "リスク受容の期限（" + e.until() + "）が過ぎました。再検討してください / risk acceptance ended on " + e.until() + ", decide again");
            NotificationQueue.enqueue(c, NotificationEvent.of(e.orgId(), e.systemId(), e.findingId(), "acceptance_expired",
                    ChangeWatcher.audience(e.outcome()), e.vulnId(), e.assetCode(), e.outcome(), e.due(),
                    "リスク受容の期限（" + e.until() + "）が過ぎ、再検討となりました: #" + e.findingId() + " " + e.vulnId() + " / " + e.assetCode(),
                    "Risk acceptance ended on " + e.until() + ", the finding is open again: #" + e.findingId() + " " + e.vulnId() + " / " + e.assetCode()),
                    now);
        }
        return expired.size();
    }
}
