package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The stored record of one finding: its match evidence, its events and its decisions (for `findings show` and the web page). */
public final class FindingHistory {

    /** One finding_event. */
    public record Event(long id, Instant at, String actor, String kind, String fromState, String toState, String detail) { }

    private final DataSource dataSource;

    public FindingHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The mamori.scan/1 finding JSON stored at the last match. */
    public Optional<String> evidence(long orgId, long findingId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT evidence FROM finding WHERE id = ? AND organization_id = ?")) {
            ps.setLong(1, findingId);
            ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read finding: " + e.getMessage(), e);
        }
    }

    public List<Event> events(long orgId, long findingId) {
        List<Event> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT e.id, e.at, e.actor, e.kind, e.from_state, e.to_state, e.detail "
                     + "FROM finding_event e JOIN finding f ON f.id = e.finding_id WHERE f.id = ? AND f.organization_id = ? ORDER BY e.id")) {
            ps.setLong(1, findingId);
            ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read finding events: " + e.getMessage(), e);
        }
        return out;
    }

    public List<StoredDecision> decisions(long orgId, long findingId) {
        try (Connection c = dataSource.getConnection()) {
            return DecisionStore.history(c, orgId, findingId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read decisions: " + e.getMessage(), e);
        }
    }

    /** The decision in force for a finding, if any. */
    public Optional<StoredDecision> currentDecision(long orgId, long findingId) {
        List<StoredDecision> all = decisions(orgId, findingId);
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).current()) return Optional.of(all.get(i));
        return Optional.empty();
    }
}
