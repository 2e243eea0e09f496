package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Lists findings of one organisation, filtered, sorted and paged in the database: highest
 * priority (SSVC outcome, then internet-boundary devices) first, then the earliest due date, then the
 * vulnerability exploited longest (CISA KEV dateAdded), then the highest CVSS score.
 */
public final class FindingQuery {

    /** The states that still owe a patch, in the enum's order. */
    public static final List<FindingState> OPEN_STATES = java.util.Arrays.stream(FindingState.values()).filter(FindingState::isOpen).toList();

    /**
     * Filters; null means "any". {@code systemIds} restricts to assigned systems (least privilege);
     * {@code vendorId} to the assets of one vendor record, {@code vendor} (by name) only when no record is given.
     */
    public record Filter(List<FindingState> states, String outcome, Long systemId, Long assetId, Boolean candidates,
                         List<Long> systemIds, String vendor, String vulnId, Long vendorId) {

        public Filter(List<FindingState> states, String outcome, Long systemId, Long assetId, Boolean candidates, List<Long> systemIds,
                      String vendor, String vulnId) {
            this(states, outcome, systemId, assetId, candidates, systemIds, vendor, vulnId, null);
        }

        /**
         * Every finding whose patch is still owed ({@link FindingState#isOpen()}): new, triaged, patch scheduled,
         * mitigation planned, mitigated. The default of every list, the asset page and the dashboard.
         */
        public static Filter open() {
            return new Filter(OPEN_STATES, null, null, null, false, null, null, null);
        }

        /** The same as {@link #open()}: a workaround is temporary, the patch deadline stands. */
        public static Filter stillToPatch() {
            return open();
        }

        public static Filter all() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    /**
     * Narrowing beyond {@link Filter} for lists people page through (web UI, API); null means "any".
     * {@code text}: part of the vulnerability id, component or asset name (case-insensitive);
     * {@code overdueOn}: only findings whose due date is before that day (the filter's states say which).
     */
    public record Search(String text, String severity, Boolean boundary, java.time.LocalDate overdueOn) {
        public static Search none() {
            return new Search(null, null, null, null);
        }
    }

    /**
     * The date a finding is ranked by among findings of the same priority: its deadline in force, except
     * while a mitigation is only planned — then the work it still needs (the workaround, ending sessions,
     * the post-compromise checks) is as urgent as the finding itself, so it keeps its triage deadline's
     * place instead of sinking to the later patch-by date (issue 12: the exploited gateway stays on top
     * after "mitigate now, patch by D" until its checklist is done).
     */
    static final class Urgency {
        static final String DATE = "CASE WHEN f.state = 'mitigation_planned' THEN COALESCE(f.triage_due, f.due_date) ELSE f.due_date END";

        private Urgency() { }
    }

    /** Sort orders offered by lists; every one ends in the id, so pages are stable. */
    public enum Sort {
        PRIORITY("f.priority DESC, " + Urgency.DATE + " ASC, f.exploited_since ASC NULLS LAST, f.cvss_score DESC, f.id ASC",
                "f.priority ASC, " + Urgency.DATE + " DESC, f.exploited_since DESC NULLS FIRST, f.cvss_score ASC, f.id DESC"),
        DUE("f.due_date ASC, f.priority DESC, f.id ASC", "f.due_date DESC, f.priority DESC, f.id DESC"),
        CVSS("f.cvss_score DESC, f.priority DESC, f.id ASC", "f.cvss_score ASC, f.priority DESC, f.id DESC"),
        FIRST_SEEN("f.first_seen DESC, f.id DESC", "f.first_seen ASC, f.id ASC"),
        VULN("f.vuln_id ASC, f.id ASC", "f.vuln_id DESC, f.id DESC"),
        ASSET("a.code ASC, f.priority DESC, f.id ASC", "a.code DESC, f.priority DESC, f.id DESC");

        private final String natural;
        private final String reversed;

        Sort(String natural, String reversed) {
            this.natural = natural;
            this.reversed = reversed;
        }

        /** The ORDER BY list: the natural direction (most urgent, newest, highest first) or its reverse. */
        public String orderBy(boolean reverse) {
            return reverse ? reversed : natural;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Sort fromKey(String key) {
            if (key == null || key.isBlank()) return PRIORITY;
            for (Sort s : values()) {
                if (s.key().equalsIgnoreCase(key.trim()) || s.name().equalsIgnoreCase(key.trim())) return s;
            }
            throw new IllegalArgumentException("unknown sort '" + key + "'");
        }
    }

    private static final String SELECT = "SELECT f.id, f.organization_id, f.system_id, s.name, f.asset_id, a.code, a.name, a.internet_boundary, "
            + "f.component_name, f.component_version, f.vuln_id, f.state, f.outcome, f.priority, f.due_date, f.severity, f.cvss_score, "
            + "f.exploitation, f.confidence, f.candidate, f.fixed_in, f.match_by, f.match_source, f.criterion, f.first_seen "
            + "FROM finding f JOIN asset a ON a.id = f.asset_id JOIN it_system s ON s.id = f.system_id LEFT JOIN vendor v ON v.id = a.vendor_id ";

    private final DataSource dataSource;

    public FindingQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<FindingRow> list(long orgId, Filter filter, int limit, int offset) {
        return list(orgId, filter, Search.none(), Sort.PRIORITY, false, limit, offset);
    }

    /** Filtered, searched, sorted and paged in the database. */
    public List<FindingRow> list(long orgId, Filter filter, Search search, Sort sort, boolean reverse, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(orgId, filter, params) + search(search, params);
        String sql = SELECT + where + " ORDER BY " + sort.orderBy(reverse) + " LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        List<FindingRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list findings: " + e.getMessage(), e);
        }
        return out;
    }

    /** An open Act or Attend finding of a component: what an SBOM that drops the component would close. */
    public record UrgentOpen(long id, String componentIdentity, String componentName, String componentVersion, String vulnId, String outcome) { }

    /** A finding of one of the asset's SBOM components (not of the device's own CPE), as a new SBOM would continue it. */
    public record ComponentFinding(long id, String componentIdentity, String componentName, String componentVersion, String instance,
                                   String vulnId, String outcome, FindingState state) {
        /** Open Act/Attend: closing it unseen is what an SBOM upload is held for. */
        public boolean urgentOpen() {
            return state.isOpen() && ("act".equals(outcome) || "attend".equals(outcome));
        }

        public UrgentOpen asUrgentOpen() {
            return new UrgentOpen(id, componentIdentity, componentName, componentVersion, vulnId, outcome);
        }
    }

    /** The asset's component findings, not yet fixed ones first, then by id: the order the recorder continues them in. */
    public List<ComponentFinding> componentFindings(long orgId, long assetId) {
        List<ComponentFinding> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, component_identity, component_name, component_version, component_instance, vuln_id, outcome, state FROM finding "
                        + "WHERE organization_id = ? AND asset_id = ? AND component_identity <> ? "
                        + "ORDER BY CASE WHEN state = 'fixed' THEN 1 ELSE 0 END, id")) {
            ps.setLong(1, orgId);
            ps.setLong(2, assetId);
            ps.setString(3, TargetFindings.DEVICE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ComponentFinding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), FindingState.fromKey(rs.getString(8))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read findings: " + e.getMessage(), e);
        }
        return out;
    }

    /** The asset's open Act/Attend findings of SBOM components (not of the device's own CPE). */
    public List<UrgentOpen> urgentOpenComponentFindings(long orgId, long assetId) {
        // a mitigated finding still owes its patch: dropping the component must not close it unseen
        return componentFindings(orgId, assetId).stream().filter(ComponentFinding::urgentOpen).map(ComponentFinding::asUrgentOpen).toList();
    }

    public long count(long orgId, Filter filter) {
        return count(orgId, filter, Search.none());
    }

    public long count(long orgId, Filter filter, Search search) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM finding f JOIN asset a ON a.id = f.asset_id LEFT JOIN vendor v ON v.id = a.vendor_id "
                + where(orgId, filter, params) + search(search, params);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count findings: " + e.getMessage(), e);
        }
    }

    /** Findings per asset and outcome ("none" when not triaged) under a filter, in one query. */
    public Map<Long, Map<String, Long>> countsByAssetAndOutcome(long orgId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT f.asset_id, f.outcome, COUNT(*) FROM finding f JOIN asset a ON a.id = f.asset_id LEFT JOIN vendor v ON v.id = a.vendor_id "
                + where(orgId, filter, params) + " GROUP BY f.asset_id, f.outcome";
        Map<Long, Map<String, Long>> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).put(rs.getString(2) == null ? "none" : rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count findings: " + e.getMessage(), e);
        }
        return out;
    }

    /** Open, confirmed findings per outcome ("act", "attend", "track-star", "track"). */
    public Map<String, Long> countsByOutcome(long orgId, Filter scope) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (String o : List.of("act", "attend", "track-star", "track")) {
            Filter f = new Filter(Filter.open().states(), o, scope.systemId(), scope.assetId(), false, scope.systemIds(), scope.vendor(), null, scope.vendorId());
            out.put(o, count(orgId, f));
        }
        return out;
    }

    public java.util.Optional<FindingRow> find(long orgId, long id) {
        List<Object> params = new ArrayList<>();
        String sql = SELECT + where(orgId, Filter.all(), params) + " AND f.id = ?";
        params.add(id);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(row(rs)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read finding: " + e.getMessage(), e);
        }
    }

    private static String where(long orgId, Filter f, List<Object> params) {
        StringBuilder w = new StringBuilder("WHERE f.organization_id = ?");
        params.add(orgId);
        if (f.states() != null && !f.states().isEmpty()) {
            w.append(" AND f.state IN (").append(String.join(", ", f.states().stream().map(s -> "?").toList())).append(')');
            f.states().forEach(s -> params.add(s.key()));
        }
        if (f.outcome() != null) {
            w.append(" AND f.outcome = ?");
            params.add(f.outcome());
        }
        if (f.systemId() != null) {
            w.append(" AND f.system_id = ?");
            params.add(f.systemId());
        }
        if (f.assetId() != null) {
            w.append(" AND f.asset_id = ?");
            params.add(f.assetId());
        }
        if (f.candidates() != null) {
            w.append(" AND f.candidate = ?");
            params.add(f.candidates());
        }
        if (f.systemIds() != null) {
            if (f.systemIds().isEmpty()) {
                w.append(" AND 1 = 0");
            } else {
                w.append(" AND f.system_id IN (").append(String.join(", ", f.systemIds().stream().map(s -> "?").toList())).append(')');
                params.addAll(f.systemIds());
            }
        }
        if (f.vendorId() != null) {
            w.append(" AND a.vendor_id = ?");
            params.add(f.vendorId());
        } else if (f.vendor() != null) {
            w.append(" AND v.name = ?");
            params.add(f.vendor());
        }
        if (f.vulnId() != null) {
            w.append(" AND f.vuln_id = ?");
            params.add(f.vulnId());
        }
        return w.toString();
    }

    private static String search(Search s, List<Object> params) {
        if (s == null) return "";
        StringBuilder w = new StringBuilder();
        if (s.text() != null && !s.text().isBlank()) {
            String like = "%" + s.text().trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            w.append(" AND (LOWER(f.vuln_id) LIKE ? ESCAPE '\\' OR LOWER(f.component_name) LIKE ? ESCAPE '\\' OR LOWER(a.name) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(a.code) LIKE ? ESCAPE '\\')");
            for (int i = 0; i < 4; i++) params.add(like);
        }
        if (s.severity() != null && !s.severity().isBlank()) {
            w.append(" AND LOWER(f.severity) = ?");
            params.add(s.severity().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (s.boundary() != null) {
            w.append(" AND a.internet_boundary = ?");
            params.add(s.boundary());
        }
        if (s.overdueOn() != null) {
            w.append(" AND f.due_date < ?");
            params.add(java.sql.Date.valueOf(s.overdueOn()));
        }
        return w.toString();
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
    }

    private static FindingRow row(ResultSet rs) throws SQLException {
        Date due = rs.getDate(15);
        Object score = rs.getObject(17);
        return new FindingRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getInt(14), due == null ? null : due.toLocalDate(), rs.getString(16),
                score == null ? null : ((Number) score).doubleValue(), rs.getString(18), rs.getString(19), rs.getBoolean(20),
                rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24), rs.getTimestamp(25).toInstant());
    }

}
