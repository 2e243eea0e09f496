package jp.mamori.notify;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The notification_event table. Changes are queued in the transaction that makes them (so a rolled
 * back decision notifies nobody) and flushed later, many at once: an import never sends a storm.
 */
public final class NotificationQueue {

    private static final String COLUMNS = "id, organization_id, system_id, finding_id, kind, audience, vuln_id, asset_code, outcome, "
            + "due_date, text_ja, text_en, created_at";

    private NotificationQueue() { }

    public static void enqueue(Connection c, NotificationEvent e, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_event (organization_id, system_id, finding_id, kind, "
                + "audience, vuln_id, asset_code, outcome, due_date, text_ja, text_en, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.organizationId());
            ps.setObject(2, e.systemId());
            ps.setObject(3, e.findingId());
            ps.setString(4, e.kind());
            ps.setString(5, e.audience().key());
            ps.setString(6, e.vulnId());
            ps.setString(7, e.assetCode());
            ps.setString(8, e.outcome());
            ps.setDate(9, e.due() == null ? null : Date.valueOf(e.due()));
            ps.setString(10, cut(e.textJa()));
            ps.setString(11, cut(e.textEn()));
            ps.setTimestamp(12, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** Organisations with queued events. */
    public static List<Long> organizationsWithPending(Connection c) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT organization_id FROM notification_event WHERE flushed_at IS NULL ORDER BY organization_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    /** The queued events of an organisation, locked until the caller's transaction ends (claim, then mark flushed). */
    public static List<NotificationEvent> pending(Connection c, long orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notification_event WHERE organization_id = ? "
                + "AND flushed_at IS NULL ORDER BY id FOR UPDATE")) {
            ps.setLong(1, orgId);
            return list(ps);
        }
    }

    /** Events queued since a moment (the digest-only readers' share of the day's changes). */
    public static List<NotificationEvent> since(Connection c, long orgId, Instant from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notification_event WHERE organization_id = ? "
                + "AND created_at >= ? ORDER BY id")) {
            ps.setLong(1, orgId);
            ps.setTimestamp(2, Timestamp.from(from));
            return list(ps);
        }
    }

    public static void markFlushed(Connection c, Collection<Long> ids, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notification_event SET flushed_at = ? WHERE id = ?")) {
            for (long id : ids) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<NotificationEvent> list(PreparedStatement ps) throws SQLException {
        List<NotificationEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date due = rs.getDate(10);
                out.add(new NotificationEvent(rs.getLong(1), rs.getLong(2), (Long) nullable(rs, 3), (Long) nullable(rs, 4), rs.getString(5),
                        Audience.fromKey(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        due == null ? null : due.toLocalDate(), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant()));
            }
        }
        return out;
    }

    private static Object nullable(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }
}
