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

/** Per source: how many records, when last updated, the last error (SPEC §5 {@code feeds status}). */
public final class FeedStatus {

    public record Row(String source, long records, Instant lastUpdate, Instant lastSuccess, String lastError, Instant lastErrorAt) { }

    private FeedStatus() { }

    public static List<Row> read(DataSource ds) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (Source s : Source.values()) {
                long count = count(c, s);
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
                rows.add(new Row(s.key(), count, lastUpdate, lastSuccess, error, errorAt));
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read feed status: " + e.getMessage(), e);
        }
        return rows;
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

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
