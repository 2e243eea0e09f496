package jp.mamori.remediation.schedule;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.FindingState;
import jp.mamori.notify.NotificationEvent;
import jp.mamori.notify.NotificationQueue;

/**
 * Flags findings past their deadline and escalates each once per overdue spell: to the system's
 * administrators and the security officers, and for an Act finding also to the CISO. A flag whose
 * reason went away (new deadline, decided, fixed) is cleared.
 */
final class OverdueMarker {

    record Counts(int marked, int escalatedToCiso, int cleared) { }

    private record Row(long id, long orgId, long systemId, String vulnId, String assetCode, FindingState state, String outcome, LocalDate due,
                       LocalDate until, LocalDate overdueSince) { }

    Counts run(Connection c, LocalDate today, Instant now) throws SQLException {
        int cleared;
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET overdue_since = NULL, escalated_at = NULL "
                + "WHERE overdue_since IS NOT NULL AND state NOT IN ('new', 'triaged', 'patch_scheduled', 'mitigation_planned', 'mitigated')")) {
            cleared = ps.executeUpdate();
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.organization_id, f.system_id, f.vuln_id, a.code, f.state, f.outcome, "
                + "f.due_date, d.until_date, f.overdue_since FROM finding f JOIN asset a ON a.id = f.asset_id "
                + "LEFT JOIN finding_decision d ON d.finding_id = f.id AND d.superseded_at IS NULL "
                + "WHERE f.state IN ('new', 'triaged', 'patch_scheduled', 'mitigation_planned', 'mitigated') AND f.candidate = FALSE "
                + "AND (f.overdue_since IS NOT NULL OR f.due_date < ? OR d.until_date < ?) ORDER BY f.priority DESC, f.id")) {
            ps.setDate(1, Date.valueOf(today));
            ps.setDate(2, Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            FindingState.fromKey(rs.getString(6)), rs.getString(7), date(rs, 8), date(rs, 9), date(rs, 10)));
                }
            }
        }
        int marked = 0;
        int ciso = 0;
        for (Row r : rows) {
            LocalDate deadline = Deadlines.effective(r.state(), r.due(), r.until());
            boolean overdue = deadline != null && deadline.isBefore(today);
            if (!overdue) {
                if (r.overdueSince() != null) {
                    setOverdue(c, r.id(), null, null);
                    cleared++;
                }
                continue;
            }
            if (r.overdueSince() != null) continue;
            setOverdue(c, r.id(), today, now);
            long days = java.time.temporal.ChronoUnit.DAYS.between(deadline, today);
            FindingRecorder.event(c, r.id(), now, ChangeWatcher.ACTOR, "overdue", r.state(), r.state(),
                    "期限 " + deadline + " を " + days + " 日超過 / " + days + " day(s) past the deadline " + deadline);
            var audience = ChangeWatcher.audience(r.outcome());
            if (audience == jp.mamori.notify.Audience.SYSTEM_AND_CISO) ciso++;
            NotificationQueue.enqueue(c, NotificationEvent.of(r.orgId(), r.systemId(), r.id(), "overdue", audience, r.vulnId(), r.assetCode(),
                    r.outcome(), deadline,
                    "期限超過（" + deadline + "、" + r.state().ja() + "）: #" + r.id() + " " + r.vulnId() + " / " + r.assetCode(),
                    "Overdue since " + deadline + " (" + r.state().key() + "): #" + r.id() + " " + r.vulnId() + " / " + r.assetCode()), now);
            marked++;
        }
        return new Counts(marked, ciso, cleared);
    }

    private static void setOverdue(Connection c, long id, LocalDate since, Instant escalated) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET overdue_since = ?, escalated_at = ? WHERE id = ?")) {
            ps.setDate(1, since == null ? null : Date.valueOf(since));
            ps.setTimestamp(2, escalated == null ? null : Timestamp.from(escalated));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private static LocalDate date(ResultSet rs, int col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }
}
