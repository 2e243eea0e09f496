package jp.mamori.advisory.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import jp.mamori.advisory.Source;

/**
 * Per-source sync state in {@code feed_source.sync_cursor} (JSON text), plus the success/error
 * bookkeeping that {@code feeds status} shows. Plain JDBC; every call is its own short transaction
 * (auto-commit), so a saved cursor survives a crash right after it.
 *
 * <p>Cursor shapes (all optional):
 * <pre>
 * nvd:  {"lastModEnd": "2026-11-20T03:00:00.000Z",
 *        "inProgress": {"mode": "window"|"full", "start": "...", "end": "...", "nextStartIndex": 4000,
 *                       "requestedSince": "2026-01-01", "fullStartedAt": "..."}}
 * jvn:  {"lastEndDate": "2026-11-20", "inProgress": {"start": "2026-11-01", "end": "2026-11-20", "nextStartItem": 51, ...}}
 * kev, epss, osv: {"http": {"&lt;key&gt;": {"etag": "...", "lastModified": "...", "sha256": "...", "file": "..."}}}
 * </pre>
 */
public final class SyncStateStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public SyncStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored cursor, or an empty object (also when the stored text is not valid JSON). */
    public ObjectNode load(Source source) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sync_cursor FROM feed_source WHERE source = ?")) {
            ps.setString(1, source.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return JSON.createObjectNode();
                String text = rs.getString(1);
                if (text == null || text.isBlank()) return JSON.createObjectNode();
                try {
                    JsonNode node = JSON.readTree(text);
                    return node instanceof ObjectNode o ? o : JSON.createObjectNode();
                } catch (JsonProcessingException e) {
                    return JSON.createObjectNode();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sync state of " + source.key() + ": " + e.getMessage(), e);
        }
    }

    public void save(Source source, ObjectNode cursor) {
        String text = cursor == null || cursor.isEmpty() ? null : cursor.toString();
        update(source, "UPDATE feed_source SET sync_cursor = ? WHERE source = ?", ps -> {
            ps.setString(1, text);
            ps.setString(2, source.key());
        });
    }

    public void recordSuccess(Source source, Instant at) {
        update(source, "UPDATE feed_source SET last_success = ? WHERE source = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, source.key());
        });
    }

    public void recordFailure(Source source, Instant at, String message) {
        String m = message == null || message.isBlank() ? "unknown error" : message;
        String text = m.length() > 2000 ? m.substring(0, 2000) + "…" : m;
        update(source, "UPDATE feed_source SET last_error = ?, last_error_at = ? WHERE source = ?", ps -> {
            ps.setString(1, text);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, source.key());
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(Source source, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO feed_source (source) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM feed_source WHERE source = ?)")) {
                    ins.setString(1, source.key());
                    ins.setString(2, source.key());
                    ins.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the sync state of " + source.key() + ": " + e.getMessage(), e);
        }
    }
}
