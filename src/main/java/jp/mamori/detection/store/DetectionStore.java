package jp.mamori.detection.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.rules.AllowKind;
import jp.mamori.detection.rules.Category;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.Evidence;
import jp.mamori.detection.rules.PolicySetting;
import jp.mamori.detection.rules.Severity;

/**
 * Everything detection stores, and the only SQL of the capability: imported files, detections with
 * their evidence lines, incidents (correlated when detections are saved), allow-lists and desktops.
 * Every query is scoped by organisation. Writes take the caller's connection so that an import, its
 * detections, incidents and audit entry are one transaction.
 */
public final class DetectionStore {

    private final DataSource dataSource;

    public DetectionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // --- records ------------------------------------------------------------------------------

    public record ImportRow(long id, String fileName, String sha256, String source, String assetCode, long lines, long events,
                            long rejected, Instant first, Instant last, String notice, Instant importedAt, String importedBy) { }

    public record DetectionRow(long id, String rule, Category category, Severity severity, Instant at, String assetCode, String user,
                               String sessionId, List<String> sourceIps, String destination, Long bytesOut, String summaryJa,
                               String summaryEn, String vulnId, Long findingId, Long incidentId, List<Evidence> evidence) { }

    public enum IncidentState {
        OPEN("open", "対応中"), CONTAINED("contained", "封じ込め済み"), CLOSED("closed", "終了");

        private final String key, ja;

        IncidentState(String key, String ja) {
            this.key = key;
            this.ja = ja;
        }

        public String key() { return key; }
        public String ja() { return ja; }

        public static IncidentState fromKey(String k) {
            for (IncidentState s : values()) if (s.key.equalsIgnoreCase(k == null ? "" : k.strip())) return s;
            throw new IllegalArgumentException("状態が不正です / unknown incident state '" + k + "' (open | contained | closed)");
        }
    }

    public record IncidentRow(long id, String userKey, IncidentState state, Severity severity, Instant opened, Instant last,
                              int detections, List<String> assets, List<Long> findings, List<String> vulns, List<String> sourceIps,
                              List<String> sessions, List<String> categories, Instant stateChangedAt, String stateChangedBy, String stateNote) { }

    public record Saved(int detections, int duplicates, List<Long> incidentsOpened, List<Long> incidentsUpdated) { }

    // --- imports --------------------------------------------------------------------------------

    public Optional<ImportRow> importedFile(long orgId, String sha256) {
        List<ImportRow> r = imports("WHERE organization_id = ? AND sha256 = ?", orgId, sha256);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    public List<ImportRow> imports(long orgId) {
        return imports("WHERE organization_id = ? ORDER BY id DESC", orgId);
    }

    private List<ImportRow> imports(String where, Object... args) {
        return query("SELECT id, file_name, sha256, source, asset_code, line_count, event_count, rejected_count, first_at, last_at, notice, "
                + "imported_at, imported_by FROM log_import " + where, rs -> new ImportRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), instant(rs, 9), instant(rs, 10), rs.getString(11),
                instant(rs, 12), rs.getString(13)), args);
    }

    public long recordImport(Connection c, long orgId, ImportRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_import (organization_id, file_name, sha256, source, asset_code, line_count, "
                + "event_count, rejected_count, first_at, last_at, notice, imported_at, imported_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setString(2, clip(r.fileName(), 500));
            ps.setString(3, r.sha256());
            ps.setString(4, r.source());
            ps.setString(5, r.assetCode());
            ps.setLong(6, r.lines());
            ps.setLong(7, r.events());
            ps.setLong(8, r.rejected());
            setTime(ps, 9, r.first());
            setTime(ps, 10, r.last());
            ps.setString(11, clip(r.notice(), 400));
            setTime(ps, 12, r.importedAt());
            ps.setString(13, clip(r.importedBy(), 100));
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    // --- detections and incidents ----------------------------------------------------------------

    /**
     * Saves detections not seen before (by fingerprint), with their evidence, and correlates them:
     * a detection joins the open or contained incident of its user whose detections lie within
     * {@code window}; a high or critical one opens an incident when there is none.
     *
     * @param assetIds   asset code → id
     * @param findingIds vulnerability id → finding id on the device the detection came from ("asset|vuln")
     */
    public Saved save(Connection c, long orgId, Long importId, List<Detection> detections, Map<String, Long> assetIds,
                      Map<String, Long> findingIds, Duration window) throws SQLException {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparing(Detection::at));
        int saved = 0, dup = 0;
        Set<Long> opened = new LinkedHashSet<>(), updated = new LinkedHashSet<>();
        for (Detection d : sorted) {
            String fp = sha256(d.fingerprint());
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM detection WHERE organization_id = ? AND fingerprint = ?")) {
                ps.setLong(1, orgId);
                ps.setString(2, fp);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) { dup++; continue; }
                }
            }
            Long incident = null;
            if (d.user() != null) {
                incident = findIncident(c, orgId, d.user(), d.at(), window);
                if (incident == null && d.severity().atLeast(Severity.HIGH)) {
                    incident = openIncident(c, orgId, d);
                    opened.add(incident);
                } else if (incident != null) {
                    touchIncident(c, incident, d);
                    if (!opened.contains(incident)) updated.add(incident);
                }
            }
            Long findingId = d.vulnId() == null ? null : findingIds.get((d.assetCode() == null ? "" : d.assetCode()) + "|" + d.vulnId());
            if (findingId == null && d.vulnId() != null) {
                for (Map.Entry<String, Long> f : findingIds.entrySet()) if (f.getKey().endsWith("|" + d.vulnId())) { findingId = f.getValue(); break; }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO detection (organization_id, log_import_id, fingerprint, rule_id, category, severity, at, "
                    + "asset_id, asset_code, user_key, session_id, source_ips, destination, bytes_out, summary_ja, summary_en, vuln_id, finding_id, incident_id) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, orgId);
                setLong(ps, 2, importId);
                ps.setString(3, fp);
                ps.setString(4, clip(d.rule(), 120));
                ps.setString(5, d.category().key());
                ps.setString(6, d.severity().key());
                setTime(ps, 7, d.at());
                setLong(ps, 8, d.assetCode() == null ? null : assetIds.get(d.assetCode()));
                ps.setString(9, d.assetCode());
                ps.setString(10, clip(d.user(), 200));
                ps.setString(11, clip(d.sessionId(), 200));
                ps.setString(12, clip(String.join(",", d.sourceIps()), 1000));
                ps.setString(13, clip(d.destination(), 300));
                setLong(ps, 14, d.bytesOut() < 0 ? null : d.bytesOut());
                ps.setString(15, clip(d.summaryJa(), 2000));
                ps.setString(16, clip(d.summaryEn(), 2000));
                ps.setString(17, d.vulnId());
                setLong(ps, 18, findingId);
                setLong(ps, 19, incident);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO detection_evidence (detection_id, seq, file_name, line_no, line_text) VALUES (?,?,?,?,?)")) {
                int seq = 0;
                for (Evidence e : d.evidence()) {
                    ps.setLong(1, id);
                    ps.setInt(2, seq++);
                    ps.setString(3, clip(e.file(), 500));
                    ps.setLong(4, e.line());
                    ps.setString(5, clip(e.text() == null ? "" : e.text(), 2100));
                    ps.addBatch();
                }
                if (seq > 0) ps.executeBatch();
            }
            saved++;
        }
        return new Saved(saved, dup, List.copyOf(opened), List.copyOf(updated));
    }

    private Long findIncident(Connection c, long orgId, String user, Instant at, Duration window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM detection_incident WHERE organization_id = ? AND user_key = ? AND state <> 'closed' "
                + "AND last_at >= ? AND opened_at <= ? ORDER BY opened_at DESC")) {
            ps.setLong(1, orgId);
            ps.setString(2, user);
            setTime(ps, 3, at.minus(window));
            setTime(ps, 4, at.plus(window));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private long openIncident(Connection c, long orgId, Detection d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO detection_incident (organization_id, user_key, state, severity, opened_at, last_at) "
                + "VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setString(2, clip(d.user(), 200));
            ps.setString(3, IncidentState.OPEN.key());
            ps.setString(4, d.severity().key());
            setTime(ps, 5, d.at());
            setTime(ps, 6, d.at());
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    private void touchIncident(Connection c, long id, Detection d) throws SQLException {
        Severity current;
        Instant opened, last;
        try (PreparedStatement ps = c.prepareStatement("SELECT severity, opened_at, last_at FROM detection_incident WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                current = Severity.fromKey(rs.getString(1));
                opened = instant(rs, 2);
                last = instant(rs, 3);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE detection_incident SET severity = ?, opened_at = ?, last_at = ? WHERE id = ?")) {
            ps.setString(1, (d.severity().atLeast(current) ? d.severity() : current).key());
            setTime(ps, 2, d.at().isBefore(opened) ? d.at() : opened);
            setTime(ps, 3, d.at().isAfter(last) ? d.at() : last);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    private static final String DETECTION_COLUMNS = "d.id, d.rule_id, d.category, d.severity, d.at, d.asset_code, d.user_key, d.session_id, d.source_ips, "
            + "d.destination, d.bytes_out, d.summary_ja, d.summary_en, d.vuln_id, d.finding_id, d.incident_id";

    /** Newest first; {@code since} may be null. Evidence included. */
    public List<DetectionRow> detections(long orgId, Instant since, int limit) {
        List<DetectionRow> rows = query("SELECT " + DETECTION_COLUMNS + " FROM detection d WHERE d.organization_id = ? AND d.at >= ? ORDER BY d.at DESC, d.id DESC",
                DetectionStore::row, orgId, OffsetDateTime.ofInstant(since == null ? Instant.EPOCH : since, ZoneOffset.UTC));
        if (rows.size() > limit) rows = rows.subList(0, limit);
        return withEvidence(rows);
    }

    public Optional<DetectionRow> detection(long orgId, long id) {
        List<DetectionRow> r = withEvidence(query("SELECT " + DETECTION_COLUMNS + " FROM detection d WHERE d.organization_id = ? AND d.id = ?",
                DetectionStore::row, orgId, id));
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** The detections of logs from one device since a time, oldest first, with evidence (at most {@code limit}). */
    public List<DetectionRow> onAsset(long orgId, String assetCode, Instant since, int limit) {
        List<DetectionRow> rows = query("SELECT " + DETECTION_COLUMNS + " FROM detection d WHERE d.organization_id = ? AND d.asset_code = ? AND d.at >= ? "
                        + "ORDER BY d.at, d.id", DetectionStore::row, orgId, assetCode,
                OffsetDateTime.ofInstant(since == null ? Instant.EPOCH : since, ZoneOffset.UTC));
        if (rows.size() > limit) rows = rows.subList(0, limit);
        return withEvidence(rows);
    }

    /** The detections of one incident, oldest first: its timeline. */
    public List<DetectionRow> timeline(long orgId, long incidentId) {
        return withEvidence(query("SELECT " + DETECTION_COLUMNS + " FROM detection d WHERE d.organization_id = ? AND d.incident_id = ? ORDER BY d.at, d.id",
                DetectionStore::row, orgId, incidentId));
    }

    private List<DetectionRow> withEvidence(List<DetectionRow> rows) {
        if (rows.isEmpty()) return rows;
        Map<Long, List<Evidence>> ev = new LinkedHashMap<>();
        for (DetectionRow r : rows) ev.put(r.id(), new ArrayList<>());
        List<Long> ids = new ArrayList<>(ev.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            query("SELECT detection_id, file_name, line_no, line_text FROM detection_evidence WHERE detection_id IN (" + in + ") ORDER BY detection_id, seq",
                    rs -> ev.get(rs.getLong(1)).add(new Evidence(rs.getString(2), rs.getLong(3), rs.getString(4))), part.toArray());
        }
        List<DetectionRow> out = new ArrayList<>(rows.size());
        for (DetectionRow r : rows) {
            out.add(new DetectionRow(r.id(), r.rule(), r.category(), r.severity(), r.at(), r.assetCode(), r.user(), r.sessionId(), r.sourceIps(),
                    r.destination(), r.bytesOut(), r.summaryJa(), r.summaryEn(), r.vulnId(), r.findingId(), r.incidentId(), List.copyOf(ev.get(r.id()))));
        }
        return out;
    }

    private static DetectionRow row(ResultSet rs) throws SQLException {
        String ips = rs.getString(9);
        long bytes = rs.getLong(11);
        Long b = rs.wasNull() ? null : bytes;
        long f = rs.getLong(15);
        Long finding = rs.wasNull() ? null : f;
        long i = rs.getLong(16);
        Long incident = rs.wasNull() ? null : i;
        return new DetectionRow(rs.getLong(1), rs.getString(2), Category.fromKey(rs.getString(3)), Severity.fromKey(rs.getString(4)), instant(rs, 5),
                rs.getString(6), rs.getString(7), rs.getString(8), ips == null || ips.isEmpty() ? List.of() : Arrays.asList(ips.split(",")),
                rs.getString(10), b, rs.getString(12), rs.getString(13), rs.getString(14), finding, incident, List.of());
    }

    /** Incidents, newest first, with what their detections name. */
    public List<IncidentRow> incidents(long orgId) {
        return incidents(orgId, null);
    }

    public Optional<IncidentRow> incident(long orgId, long id) {
        List<IncidentRow> r = incidents(orgId, id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    public long openIncidents(long orgId) {
        List<Long> n = query("SELECT COUNT(*) FROM detection_incident WHERE organization_id = ? AND state = 'open'", rs -> rs.getLong(1), orgId);
        return n.get(0);
    }

    private List<IncidentRow> incidents(long orgId, Long only) {
        record Head(long id, String user, String state, String severity, Instant opened, Instant last, Instant changedAt, String changedBy, String note) { }
        List<Head> heads = query("SELECT id, user_key, state, severity, opened_at, last_at, state_changed_at, state_changed_by, state_note FROM detection_incident "
                        + "WHERE organization_id = ?" + (only == null ? "" : " AND id = ?") + " ORDER BY opened_at DESC, id DESC",
                rs -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6), instant(rs, 7),
                        rs.getString(8), rs.getString(9)),
                only == null ? new Object[] {orgId} : new Object[] {orgId, only});
        if (heads.isEmpty()) return List.of();
        record Part(long incident, String asset, Long finding, String vuln, String ips, String session, String category) { }
        Map<Long, List<Part>> parts = new LinkedHashMap<>();
        query("SELECT incident_id, asset_code, finding_id, vuln_id, source_ips, session_id, category FROM detection WHERE organization_id = ? AND incident_id IS NOT NULL"
                        + (only == null ? "" : " AND incident_id = ?") + " ORDER BY at, id",
                rs -> {
                    long f = rs.getLong(3);
                    Long finding = rs.wasNull() ? null : f;
                    Part p = new Part(rs.getLong(1), rs.getString(2), finding, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                    parts.computeIfAbsent(p.incident(), k -> new ArrayList<>()).add(p);
                    return null;
                },
                only == null ? new Object[] {orgId} : new Object[] {orgId, only});
        List<IncidentRow> out = new ArrayList<>();
        for (Head h : heads) {
            Set<String> assets = new LinkedHashSet<>(), vulns = new LinkedHashSet<>(), ips = new LinkedHashSet<>(), sessions = new LinkedHashSet<>(),
                    cats = new LinkedHashSet<>();
            Set<Long> findings = new LinkedHashSet<>();
            List<Part> ps = parts.getOrDefault(h.id(), List.of());
            for (Part p : ps) {
                if (p.asset() != null) assets.add(p.asset());
                if (p.finding() != null) findings.add(p.finding());
                if (p.vuln() != null) vulns.add(p.vuln());
                if (p.ips() != null && !p.ips().isEmpty()) ips.addAll(Arrays.asList(p.ips().split(",")));
                if (p.session() != null) sessions.add(p.session());
                cats.add(p.category());
            }
            out.add(new IncidentRow(h.id(), h.user(), IncidentState.fromKey(h.state()), Severity.fromKey(h.severity()), h.opened(), h.last(), ps.size(),
                    List.copyOf(assets), List.copyOf(findings), List.copyOf(vulns), List.copyOf(ips), List.copyOf(sessions), List.copyOf(cats),
                    h.changedAt(), h.changedBy(), h.note()));
        }
        return out;
    }

    /** Changes an incident's state; returns the state it had. */
    public IncidentState setState(Connection c, long orgId, long id, IncidentState to, String by, String note, Instant at) throws SQLException {
        IncidentState from;
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM detection_incident WHERE organization_id = ? AND id = ? FOR UPDATE")) {
            ps.setLong(1, orgId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("インシデントが見つかりません / no incident " + id);
                from = IncidentState.fromKey(rs.getString(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE detection_incident SET state = ?, state_changed_at = ?, state_changed_by = ?, state_note = ? "
                + "WHERE organization_id = ? AND id = ?")) {
            ps.setString(1, to.key());
            setTime(ps, 2, at);
            ps.setString(3, clip(by, 100));
            ps.setString(4, clip(note, 1000));
            ps.setLong(5, orgId);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
        return from;
    }

    // --- allow-list and desktops --------------------------------------------------------------------

    public List<AllowEntry> allowList(long orgId) {
        return query("SELECT kind, entry_value, note FROM detection_allow WHERE organization_id = ? ORDER BY kind, entry_value",
                rs -> new AllowEntry(AllowKind.fromKey(rs.getString(1)), rs.getString(2), rs.getString(3)), orgId);
    }

    /** An allow-list entry as the officer manages it: its id (for the page's remove button), who added it and when. */
    public record AllowRow(long id, AllowEntry entry, Instant createdAt, String createdBy) { }

    public List<AllowRow> allowRows(long orgId) {
        return query("SELECT id, kind, entry_value, note, created_at, created_by FROM detection_allow WHERE organization_id = ? ORDER BY kind, entry_value",
                rs -> new AllowRow(rs.getLong(1), new AllowEntry(AllowKind.fromKey(rs.getString(2)), rs.getString(3), rs.getString(4)),
                        instant(rs, 5), rs.getString(6)), orgId);
    }

    /** Removes one entry of the organisation (never another's: the organisation is part of the key); returns how many rows went. */
    public int removeAllow(Connection c, long orgId, AllowKind kind, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM detection_allow WHERE organization_id = ? AND kind = ? AND entry_value = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, kind.key());
            ps.setString(3, value);
            return ps.executeUpdate();
        }
    }

    /** Adds entries not yet listed; returns how many were new. */
    public int addAllow(Connection c, long orgId, List<AllowEntry> entries, String by, Instant at) throws SQLException {
        int added = 0;
        for (AllowEntry e : entries) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM detection_allow WHERE organization_id = ? AND kind = ? AND entry_value = ?")) {
                q.setLong(1, orgId);
                q.setString(2, e.kind().key());
                q.setString(3, e.value());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) continue;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO detection_allow (organization_id, kind, entry_value, note, created_at, created_by) VALUES (?,?,?,?,?,?)")) {
                ps.setLong(1, orgId);
                ps.setString(2, e.kind().key());
                ps.setString(3, e.value());
                ps.setString(4, e.note());
                setTime(ps, 5, at);
                ps.setString(6, clip(by, 100));
                ps.executeUpdate();
                added++;
            }
        }
        return added;
    }

    // --- the organisation's own thresholds -------------------------------------------------------------

    /** What the organisation set for itself (the rest comes from the policy file or the defaults). */
    public Map<PolicySetting, Long> thresholds(long orgId) {
        Map<PolicySetting, Long> out = new java.util.EnumMap<>(PolicySetting.class);
        for (Object[] r : query("SELECT setting_key, setting_value FROM detection_threshold WHERE organization_id = ?",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)}, orgId)) {
            try {
                out.put(PolicySetting.fromKey((String) r[0]), (Long) r[1]);
            } catch (IllegalArgumentException e) {
                // a setting a newer version wrote and this one does not know: the file's value holds
            }
        }
        return out;
    }

    /** Sets (value not null) or clears (null: the file's value again) one of the organisation's thresholds. */
    public void setThreshold(Connection c, long orgId, PolicySetting p, Long value, String by, Instant at) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM detection_threshold WHERE organization_id = ? AND setting_key = ?")) {
            del.setLong(1, orgId);
            del.setString(2, p.key());
            del.executeUpdate();
        }
        if (value == null) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO detection_threshold (organization_id, setting_key, setting_value, updated_at, updated_by) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, orgId);
            ps.setString(2, p.key());
            ps.setLong(3, value);
            setTime(ps, 4, at);
            ps.setString(5, clip(by, 100));
            ps.executeUpdate();
        }
    }

    public List<DetectionEngine.Desktop> desktops(long orgId) {
        return query("SELECT address, user_key, host, confidential, source FROM detection_desktop WHERE organization_id = ? ORDER BY address",
                rs -> new DetectionEngine.Desktop(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)), orgId);
    }

    /** Inserts or replaces desktops; an imported entry is never replaced by a learned one. */
    public int putDesktops(Connection c, long orgId, List<DetectionEngine.Desktop> desktops, Map<String, String> departments,
                           Map<String, String> kinds, Instant at) throws SQLException {
        int n = 0;
        for (DetectionEngine.Desktop d : desktops) {
            String existing = null;
            try (PreparedStatement q = c.prepareStatement("SELECT source FROM detection_desktop WHERE organization_id = ? AND address = ?")) {
                q.setLong(1, orgId);
                q.setString(2, d.address());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) existing = rs.getString(1);
                }
            }
            if ("import".equals(existing) && !"import".equals(d.source())) continue;
            if (existing != null) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM detection_desktop WHERE organization_id = ? AND address = ?")) {
                    del.setLong(1, orgId);
                    del.setString(2, d.address());
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO detection_desktop (organization_id, address, user_key, host, department, kind, confidential, source, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, orgId);
                ps.setString(2, clip(d.address(), 64));
                ps.setString(3, clip(d.user(), 200));
                ps.setString(4, clip(d.host(), 200));
                ps.setString(5, clip(departments.get(d.address()), 200));
                ps.setString(6, clip(kinds.get(d.address()), 40));
                ps.setBoolean(7, d.confidential());
                ps.setString(8, d.source());
                setTime(ps, 9, at);
                ps.executeUpdate();
                n++;
            }
        }
        return n;
    }

    // --- plumbing ---------------------------------------------------------------------------------

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    T t = mapper.map(rs);
                    if (t != null) out.add(t);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("detection query failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, v);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
