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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingState;
import jp.mamori.notify.Digest;
import jp.mamori.notify.Notifier;

/**
 * The daily digest of a scope (SPEC §2: "what must we patch first, by when, and why, every morning"):
 * open findings per outcome, what is overdue, new Act findings with their due dates, decisions whose
 * date comes within a week, and mitigations due for review.
 */
final class DigestBuilder implements Notifier.DigestSource {

    private static final int WEEK = 7;
    private static final String OPEN = "('new', 'triaged', 'patch_scheduled', 'mitigation_planned', 'mitigated')";

    private final Database database;
    private final LocalDate today;
    private final Instant since;

    /** @param since new Act findings are those first seen after this moment */
    DigestBuilder(Database database, LocalDate today, Instant since) {
        this.database = database;
        this.today = today;
        this.since = since;
    }

    @Override
    public Digest digest(long orgId, Set<Long> systemIds, String scope) {
        return database.inTransaction(c -> build(c, orgId, systemIds, scope));
    }

    private Digest build(Connection c, long orgId, Set<Long> systemIds, String scope) throws SQLException {
        String in = systemIds == null ? "" : systemIds.isEmpty() ? " AND 1 = 0"
                : " AND f.system_id IN (" + String.join(", ", systemIds.stream().map(String::valueOf).toList()) + ")";
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String o : List.of("act", "attend", "track-star", "track")) counts.put(o, 0L);
        try (PreparedStatement ps = c.prepareStatement("SELECT f.outcome, COUNT(*) FROM finding f WHERE f.organization_id = ? AND f.candidate = FALSE "
                + "AND f.state IN " + OPEN + in + " AND f.outcome IS NOT NULL GROUP BY f.outcome")) {
            ps.setLong(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        String select = "SELECT f.id, f.vuln_id, a.code, s.name, f.outcome, %s, f.state FROM finding f JOIN asset a ON a.id = f.asset_id "
                + "JOIN it_system s ON s.id = f.system_id ";
        List<Digest.Line> overdue = lines(c, String.format(select, "COALESCE(CASE WHEN f.state IN ('patch_scheduled', 'mitigation_planned', 'mitigated') "
                + "THEN d.until_date END, f.due_date)") + "LEFT JOIN finding_decision d ON d.finding_id = f.id AND d.superseded_at IS NULL "
                + "WHERE f.organization_id = ? AND f.overdue_since IS NOT NULL" + in + " ORDER BY f.priority DESC, f.due_date, f.id", orgId, null, true);
        List<Digest.Line> newAct = lines(c, String.format(select, "f.due_date") + "WHERE f.organization_id = ? AND f.outcome = 'act' "
                + "AND f.candidate = FALSE AND f.state IN " + OPEN + " AND f.first_seen > ?" + in + " ORDER BY f.due_date, f.id", orgId, since, false);
        List<Digest.Line> expiring = lines(c, String.format(select, "d.until_date") + "JOIN finding_decision d ON d.finding_id = f.id "
                + "AND d.superseded_at IS NULL WHERE f.organization_id = ? AND f.state IN ('patch_scheduled', 'mitigation_planned', 'mitigated', 'risk_accepted') "
                + "AND d.until_date >= ? AND d.until_date <= ?" + in + " ORDER BY d.until_date, f.id", orgId, null, true, today, today.plusDays(WEEK));
        List<Digest.Line> reviews = lines(c, String.format(select, "m.review_date") + "JOIN mitigation m ON m.finding_id = f.id "
                + "WHERE f.organization_id = ? AND m.status IN ('todo', 'doing') AND m.review_date <= ? "
                + "AND f.state NOT IN ('fixed', 'not_affected', 'false_positive')" + in + " ORDER BY m.review_date, f.id", orgId, null, true, today);
        return new Digest(today, scope, counts, overdue, newAct, expiring, reviews);
    }

    private static List<Digest.Line> lines(Connection c, String sql, long orgId, Instant since, boolean withState, LocalDate... dates)
            throws SQLException {
        List<Digest.Line> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, orgId);
            if (since != null) ps.setTimestamp(i++, Timestamp.from(since));
            for (LocalDate d : dates) ps.setDate(i++, Date.valueOf(d));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate(6);
                    out.add(new Digest.Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            d == null ? null : d.toLocalDate(), withState ? FindingState.fromKey(rs.getString(7)).ja() : null));
                }
            }
        }
        return out;
    }
}
