package jp.mamori.advisory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.mamori.advisory.Source;

/**
 * Per source: how many records, the newest data's own date, when last updated, the last error
 * (SPEC §5 {@code feeds status}). The data's own date (NVD lastModified, KEV dateAdded, EPSS score
 * date, VEX timestamp) is what says how current the knowledge is: a bundle imported today may carry
 * data from months ago.
 *
 * @param newestData the newest date the source's records themselves carry; null when none has one
 */
public final class FeedStatus {

    public record Row(String source, long records, Instant newestData, Instant lastUpdate, Instant lastSuccess, String lastError,
                      Instant lastErrorAt) { }

    private FeedStatus() { }

    public static List<Row> read(DataSource ds) {
        return read(ds, java.util.Map.of());
    }

    /** A statement source's count and newest own date, counted elsewhere (the compiled match index at its build). */
    public record Counted(long records, Instant newestData) { }

    /**
     * The same rows, with the statement sources' counts and newest dates taken from {@code counted}
     * where it has them: counting and dating the statements means reading the whole table, seconds
     * at NVD scale. KEV, EPSS and VEX are always counted here (their own small tables).
     */
    public static List<Row> read(DataSource ds, java.util.Map<String, Counted> counted) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (Source s : Source.values()) {
                Counted known = inStatements(s) ? counted.get(s.key()) : null;
                long count = known != null ? known.records() : count(c, s);
                Instant newest = known != null ? known.newestData() : newestData(c, s);
                Instant lastUpdate = null;
                Instant lastSuccess = null;
                String error = null;
                Instant errorAt = null;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT last_update, last_success, last_error, last_error_at FROM feed_source WHERE source = ?")) {
                    ps.setString(1, s.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            lastUpdate = instant(rs.getTimestamp(1));
                            lastSuccess = instant(rs.getTimestamp(2));
                            error = rs.getString(3);
                            errorAt = instant(rs.getTimestamp(4));
                        }
                    }
                }
                // An error older than the last success is history, not the current state.
                if (errorAt != null && lastSuccess != null && lastSuccess.isAfter(errorAt)) {
                    error = null;
                    errorAt = null;
                }
                rows.add(new Row(s.key(), count, newest, lastUpdate, lastSuccess, error, errorAt));
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read feed status: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * When any source was last updated, from the update log alone: what the dashboard shows, without
     * {@link #read}'s counts and newest dates, which scan the statements (seconds at NVD scale).
     */
    public static Instant lastUpdate(DataSource ds) {
        java.util.Set<String> known = java.util.Arrays.stream(Source.values()).map(Source::key).collect(java.util.stream.Collectors.toSet());
        Instant newest = null;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source, last_update FROM feed_source");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant at = instant(rs.getTimestamp(2));
                if (at != null && known.contains(rs.getString(1)) && (newest == null || at.isAfter(newest))) newest = at;
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read feed status: " + e.getMessage(), e);
        }
        return newest;
    }

    private static boolean inStatements(Source s) {
        return switch (s) {
            case KEV, EPSS, OPENVEX, CYCLONEDX_VEX -> false;
            default -> true;
        };
    }

    private static long count(Connection c, Source s) throws SQLException {
        String sql = switch (s) {
            case KEV -> "SELECT COUNT(*) FROM kev_entry";
            case EPSS -> "SELECT COUNT(*) FROM epss_score";
            case OPENVEX, CYCLONEDX_VEX -> "SELECT COUNT(*) FROM vex_statement WHERE source = ?";
            default -> "SELECT COUNT(*) FROM advisory_statement WHERE source = ?";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?")) ps.setString(1, s.key());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The newest of the data's own dates; KEV and EPSS give a day, taken as its start in UTC. */
    private static Instant newestData(Connection c, Source s) throws SQLException {
        String sql = switch (s) {
            case KEV -> "SELECT MAX(date_added) FROM kev_entry";
            case EPSS -> "SELECT MAX(score_date) FROM epss_score";
            case OPENVEX, CYCLONEDX_VEX -> "SELECT MAX(stated_at) FROM vex_statement WHERE source = ?";
            default -> "SELECT MAX(modified) FROM advisory_statement WHERE source = ?";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?")) ps.setString(1, s.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                if (s == Source.KEV || s == Source.EPSS) {
                    java.sql.Date d = rs.getDate(1);
                    return d == null ? null : d.toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                }
                return instant(rs.getTimestamp(1));
            }
        }
    }

    /** Records over every source, and the newest data date of any of them (null when none). */
    public record Overall(long records, Instant newestData) { }

    public static Overall overall(List<Row> rows) {
        long records = 0;
        Instant newest = null;
        for (Row r : rows) {
            records += r.records();
            if (r.newestData() != null && (newest == null || r.newestData().isAfter(newest))) newest = r.newestData();
        }
        return new Overall(records, newest);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
