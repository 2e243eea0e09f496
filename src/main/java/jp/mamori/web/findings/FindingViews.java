package jp.mamori.web.findings;

import jp.mamori.app.Mamori;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.persistence.StoredJson;
import jp.mamori.advisory.store.VulnerabilityRecord;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.FindingState;
import jp.mamori.security.AccessScope;
import jp.mamori.web.inventory.ScopedInventory;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.NotFoundException;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Component;

/** Findings as one caller may see them: lists filtered, sorted and paged in the database; one finding with all its evidence. */
@Component
public class FindingViews {

    public static final int MAX_PAGE_SIZE = 200;

    private final DataSource dataSource;
    private final FindingQuery query;
    private final KnowledgeBase knowledgeBase;
    private final ScopedInventory inventory;
    private final Tenancy tenancy;

    public FindingViews(Mamori mamori, ScopedInventory inventory, Tenancy tenancy) {
        this.dataSource = mamori.database().dataSource();
        this.query = mamori.findings();
        this.knowledgeBase = mamori.knowledgeBase();
        this.inventory = inventory;
        this.tenancy = tenancy;
    }

    public FindingQuery query() {
        return query;
    }

    /** List parameters as pages and the API take them; every value is optional. */
    public record ListRequest(String state, String outcome, Long system, Long asset, String q, String severity, Boolean boundary,
                              boolean overdue, String candidates, String vuln, String sort, String dir, int page, int size) {

        public FindingQuery.Filter filter() {
            List<FindingState> states;
            String s = state == null || state.isBlank() ? "open" : state.trim().toLowerCase(Locale.ROOT);
            switch (s) {
                // the worklist's definitions: the dashboard's cards count exactly these rows
                case "open" -> states = jp.mamori.remediation.Worklist.OPEN_STATES;
                case "closed" -> states = jp.mamori.remediation.Worklist.CLOSED_STATES;
                case "all" -> states = null;
                default -> {
                    try {
                        states = List.of(FindingState.fromKey(s));
                    } catch (IllegalArgumentException e) {
                        throw new BadRequestException("状態が不明です / unknown state: use open, closed, all or one of "
                                + java.util.Arrays.stream(FindingState.values()).map(FindingState::key).toList());
                    }
                }
            }
            String o = outcome == null || outcome.isBlank() ? null : outcome.trim().toLowerCase(Locale.ROOT);
            if (o != null && !List.of("act", "attend", "track-star", "track").contains(o)) {
                throw new BadRequestException("対応区分が不明です / unknown outcome: use act, attend, track-star or track");
            }
            Boolean cand = switch (candidates == null || candidates.isBlank() ? "false" : candidates.trim().toLowerCase(Locale.ROOT)) {
                case "false", "no" -> false;
                case "true", "yes", "only" -> true;
                case "any", "all" -> null;
                default -> throw new BadRequestException("候補の指定が不明です / candidates: false, true or any");
            };
            return new FindingQuery.Filter(states, o, system, asset, cand, null, null, vuln == null || vuln.isBlank() ? null : vuln.trim());
        }

        public FindingQuery.Search search(LocalDate today) {
            String sev = severity == null || severity.isBlank() ? null : severity.trim().toLowerCase(Locale.ROOT);
            if (sev != null && !List.of("critical", "high", "medium", "low", "none").contains(sev)) {
                throw new BadRequestException("深刻度が不明です / unknown severity: use critical, high, medium, low or none");
            }
            String text = q == null || q.isBlank() ? null : q.trim();
            if (text != null && text.length() > 200) throw new BadRequestException("検索語が長すぎます（200文字まで） / search text is too long");
            return new FindingQuery.Search(text, sev, boundary, overdue ? today : null);
        }

        public FindingQuery.Sort sortOrder() {
            try {
                return FindingQuery.Sort.fromKey(sort);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("並べ替えが不明です / unknown sort: use priority, due, cvss, first-seen, vuln or asset");
            }
        }

        public boolean reversed() {
            return "reverse".equalsIgnoreCase(dir);
        }

        public int pageSize() {
            return size <= 0 ? 50 : Math.min(size, MAX_PAGE_SIZE);
        }

        public int pageNumber() {
            return Math.max(0, page);
        }
    }

    public record ListResult(List<FindingRow> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public ListResult list(AccessScope scope, long orgId, ListRequest r, LocalDate today) {
        FindingQuery.Filter f = Tenancy.scoped(scope, r.filter());
        FindingQuery.Search s = r.search(today);
        int size = r.pageSize();
        long total = query.count(orgId, f, s);
        // page=2147483647 once overflowed the offset (500); past the end is the last page (issue 18.10)
        int page = (int) Math.min(r.pageNumber(), Math.max(0, (total - 1) / size));
        List<FindingRow> rows = query.list(orgId, f, s, r.sortOrder(), r.reversed(), size, page * size);
        return new ListResult(rows, total, page, size);
    }

    /** A finding the caller may see, else 404. */
    public FindingRow row(AccessScope scope, long id) {
        long orgId = tenancy.ownerOf(scope, "finding", id);
        FindingRow row = query.find(orgId, id).orElseThrow(() -> new NotFoundException("no such finding"));
        inventory.asset(scope, orgId, row.assetId());
        return row;
    }

    public record HistoryEvent(Instant at, String actor, String kind, String fromState, String toState, String detail) { }

    public record Detail(FindingRow row, Map<String, Object> evidence, List<CvssScore> allCvss, VulnerabilityRecord vulnerability,
                         List<HistoryEvent> history, Instant lastSeen, Instant closedAt) { }

    public Detail detail(AccessScope scope, long id) {
        FindingRow row = row(scope, id);
        Map<String, Object> evidence = Map.of();
        Instant lastSeen = null;
        Instant closedAt = null;
        List<HistoryEvent> history = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT evidence, last_seen, closed_at FROM finding WHERE id = ? AND organization_id = ?")) {
                ps.setLong(1, id);
                ps.setLong(2, row.organizationId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        evidence = parse(rs.getString(1));
                        lastSeen = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
                        closedAt = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, actor, kind, from_state, to_state, detail FROM finding_event WHERE finding_id = ? ORDER BY at, id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        history.add(new HistoryEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read finding: " + e.getMessage(), e);
        }
        VulnerabilityRecord v = knowledgeBase.find(row.vulnId()).orElse(null);
        List<CvssScore> cvss = v == null ? List.of() : v.cvss();
        return new Detail(row, evidence, cvss, v, history, lastSeen, closedAt);
    }

    /** The explanation ("why") of each finding, in the language asked for, for list rows. */
    public Map<Long, String> explanations(List<FindingRow> rows, Locale locale) {
        Map<Long, String> out = new HashMap<>();
        if (rows.isEmpty()) return out;
        String in = String.join(", ", rows.stream().map(r -> "?").toList());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, evidence FROM finding WHERE id IN (" + in + ")")) {
            for (int i = 0; i < rows.size(); i++) ps.setLong(i + 1, rows.get(i).id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object ex = parse(rs.getString(2)).get("explanation");
                    if (ex instanceof Map<?, ?> m) {
                        Object text = m.get("en".equals(locale.getLanguage()) ? "en" : "ja");
                        if (text != null) out.put(rs.getLong(1), text.toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read findings: " + e.getMessage(), e);
        }
        return out;
    }

    /** Why each row's deadline in force is what it is ({@link jp.mamori.remediation.DeadlineReasons}), for the rows shown. */
    public Map<Long, jp.mamori.remediation.DeadlineReason> deadlineReasons(long orgId, List<FindingRow> rows) {
        try (Connection c = dataSource.getConnection()) {
            return jp.mamori.remediation.DeadlineReasons.of(c, orgId, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read findings: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            return StoredJson.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception e) {
            return Map.of();
        }
    }
}
