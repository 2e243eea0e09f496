package jp.mamori.partners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mamori.persistence.Database;

/**
 * Issued readiness reports. There is no update and no delete: a snapshot, once issued, is what the
 * auditor was given; its hash is also in the audit log.
 */
public final class ReadinessStore {

    /** Canonical JSON: fields in declaration order, ISO dates, no pretty-printing. */
    static final ObjectMapper CANONICAL = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Database database;

    public ReadinessStore(Database database) {
        this.database = database;
    }

    public static String canonical(ReadinessReport r) {
        try {
            return CANONICAL.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ReadinessSnapshot issue(Connection c, long orgId, ReadinessReport report, String by, Instant at) throws SQLException {
        String body = canonical(report);
        String sha = ContractDocument.sha256(body.getBytes(StandardCharsets.UTF_8));
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO readiness_report (organization_id, issued_at, issued_by, sha256, body) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, by);
            ps.setString(4, sha);
            ps.setString(5, body);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
        }
        return new ReadinessSnapshot(id, orgId, at, by, sha, body, report);
    }

    public List<ReadinessSnapshot> list(long orgId) {
        return database.inTransaction(c -> query(c, "organization_id = ? ORDER BY issued_at DESC, id DESC", orgId, null));
    }

    public Optional<ReadinessSnapshot> find(long orgId, long id) {
        return database.inTransaction(c -> query(c, "organization_id = ? AND id = ?", orgId, id).stream().findFirst());
    }

    /** The snapshot issued just before this one. */
    public Optional<ReadinessSnapshot> previous(long orgId, long id) {
        return database.inTransaction(c -> query(c, "organization_id = ? AND id < ? ORDER BY id DESC", orgId, id).stream().findFirst());
    }

    private static List<ReadinessSnapshot> query(Connection c, String where, long orgId, Long id) throws SQLException {
        List<ReadinessSnapshot> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, organization_id, issued_at, issued_by, sha256, body FROM readiness_report WHERE " + where)) {
            ps.setLong(1, orgId);
            if (id != null) ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String body = rs.getString(6);
                    ReadinessReport r;
                    try {
                        r = CANONICAL.readValue(body, ReadinessReport.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored readiness report " + rs.getLong(1) + " is unreadable", e);
                    }
                    out.add(new ReadinessSnapshot(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), body, r));
                }
            }
        }
        return out;
    }
}
