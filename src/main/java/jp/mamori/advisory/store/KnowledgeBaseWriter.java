package jp.mamori.advisory.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.persistence.SqlDialect;

/**
 * Writes the records of one document into the knowledge base on a connection that the caller
 * holds in one transaction. A statement replaces the stored one of the same source and document
 * only when it is not older; an identical statement changes nothing.
 */
public final class KnowledgeBaseWriter implements FeedSink, AutoCloseable {

    private static final int BATCH = 500;

    private final Connection connection;
    private final SqlDialect dialect;
    private final Instant now;
    private final ImportStats stats = new ImportStats();
    private final LongConsumer progress;
    private final Set<String> touchedVulns = new LinkedHashSet<>();

    private final PreparedStatement findStatement;
    private final PreparedStatement insertStatement;
    private final PreparedStatement updateStatement;
    private final PreparedStatement deleteCpeKeys;
    private final PreparedStatement deletePackageKeys;
    private final PreparedStatement insertCpeKey;
    private final PreparedStatement insertPackageKey;
    private final PreparedStatement upsertVuln;
    private final PreparedStatement insertAlias;
    private final PreparedStatement upsertKev;
    private final PreparedStatement upsertEpss;
    private final PreparedStatement findEpssDate;
    private final PreparedStatement upsertVex;
    private int pendingKeys;
    private int pendingVulns;
    private int pendingFeeds;

    public KnowledgeBaseWriter(Connection connection, SqlDialect dialect, Instant now, LongConsumer progress) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.now = now;
        this.progress = progress == null ? n -> { } : progress;
        findStatement = connection.prepareStatement(
                "SELECT id, modified, content_hash FROM advisory_statement WHERE vuln_id = ? AND source = ? AND document_id = ?");
        insertStatement = connection.prepareStatement(
                "INSERT INTO advisory_statement (vuln_id, source, document_id, modified, withdrawn, content_hash, payload, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
        updateStatement = connection.prepareStatement(
                "UPDATE advisory_statement SET modified = ?, withdrawn = ?, content_hash = ?, payload = ?, imported_at = ? WHERE id = ?");
        deleteCpeKeys = connection.prepareStatement("DELETE FROM advisory_cpe_key WHERE statement_id = ?");
        deletePackageKeys = connection.prepareStatement("DELETE FROM advisory_package_key WHERE statement_id = ?");
        insertCpeKey = connection.prepareStatement("INSERT INTO advisory_cpe_key (statement_id, cpe_key, versionless) VALUES (?, ?, ?)");
        insertPackageKey = connection.prepareStatement(
                "INSERT INTO advisory_package_key (statement_id, ecosystem, package_name) VALUES (?, ?, ?)");
        upsertVuln = connection.prepareStatement(dialect.upsert("vulnerability", List.of("id"), List.of("id", "withdrawn", "updated_at")));
        insertAlias = connection.prepareStatement(dialect.insertIgnore("vuln_alias", List.of("alias", "vuln_id"), List.of("alias", "vuln_id")));
        upsertKev = connection.prepareStatement(dialect.upsert("kev_entry", List.of("cve_id"), List.of("cve_id", "vendor_project",
                "product", "vulnerability_name", "date_added", "due_date", "short_description", "required_action", "ransomware", "notes")));
        upsertEpss = connection.prepareStatement(dialect.upsert("epss_score", List.of("cve_id"),
                List.of("cve_id", "score", "percentile", "score_date", "model_version")));
        findEpssDate = connection.prepareStatement("SELECT score_date FROM epss_score WHERE cve_id = ?");
        upsertVex = connection.prepareStatement(dialect.upsert("vex_statement", List.of("vuln_id", "product", "source", "document_id"),
                List.of("vuln_id", "product", "status", "justification", "impact", "action", "source", "document_id", "stated_at")));
    }

    public ImportStats stats() {
        return stats;
    }

    /** Vulnerability ids whose statements this document inserted or changed (for re-matching). */
    public Set<String> touchedVulnerabilities() {
        return touchedVulns;
    }

    @Override
    public void advisory(Advisory a) {
        try {
            writeAdvisory(a);
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot store " + a.vulnId() + " from " + a.source().key() + ": " + e.getMessage(), e);
        }
        progress.accept(stats.records());
    }

    private void writeAdvisory(Advisory a) throws SQLException {
        String payload = StoredJson.MAPPER.valueToTree(a).toString();
        String hash = sha256(payload);
        findStatement.setString(1, a.vulnId());
        findStatement.setString(2, a.source().key());
        findStatement.setString(3, a.documentId());
        long id;
        try (ResultSet rs = findStatement.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1);
                Timestamp stored = rs.getTimestamp(2);
                if (hash.equals(rs.getString(3))) {
                    stats.unchanged++;
                    return;
                }
                if (stored != null && a.modified() != null && stored.toInstant().isAfter(a.modified())) {
                    stats.olderIgnored++;
                    return;
                }
                updateStatement.setTimestamp(1, ts(a.modified()));
                updateStatement.setBoolean(2, a.withdrawn());
                updateStatement.setString(3, hash);
                updateStatement.setString(4, payload);
                updateStatement.setTimestamp(5, ts(now));
                updateStatement.setLong(6, id);
                updateStatement.executeUpdate();
                flushKeys();
                deleteCpeKeys.setLong(1, id);
                deleteCpeKeys.executeUpdate();
                deletePackageKeys.setLong(1, id);
                deletePackageKeys.executeUpdate();
                stats.updated++;
            } else {
                insertStatement.setString(1, a.vulnId());
                insertStatement.setString(2, a.source().key());
                insertStatement.setString(3, a.documentId());
                insertStatement.setTimestamp(4, ts(a.modified()));
                insertStatement.setBoolean(5, a.withdrawn());
                insertStatement.setString(6, hash);
                insertStatement.setString(7, payload);
                insertStatement.setTimestamp(8, ts(now));
                insertStatement.executeUpdate();
                try (ResultSet keys = insertStatement.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                stats.inserted++;
            }
        }
        touchedVulns.add(a.vulnId());
        if (!a.withdrawn()) indexKeys(id, a);
        upsertVuln.setString(1, a.vulnId());
        upsertVuln.setBoolean(2, a.withdrawn() && (a.source() == Source.NVD || a.source() == Source.CVE5));
        upsertVuln.setTimestamp(3, ts(now));
        upsertVuln.addBatch();
        Set<String> aliases = new LinkedHashSet<>(a.aliases());
        // JVN and OSV documents are about this one vulnerability: their ids find it too.
        if ((a.source() == Source.JVN || a.source() == Source.OSV) && !a.documentId().equals(a.vulnId())) {
            aliases.add(a.documentId());
        }
        for (String alias : aliases) {
            insertAlias.setString(1, alias);
            insertAlias.setString(2, a.vulnId());
            insertAlias.addBatch();
        }
        if (++pendingVulns >= BATCH) flushVulns();
    }

    private void indexKeys(long id, Advisory a) throws SQLException {
        Set<String> cpeKeys = new LinkedHashSet<>();
        for (CpeConfiguration cfg : a.configurations()) {
            for (CpeNode node : cfg.nodes()) {
                for (CpeMatch m : node.cpeMatch()) {
                    if (m.vulnerable()) {
                        String key = IndexKeys.cpeKey(m.criteria());
                        if (key != null) cpeKeys.add(key);
                    }
                }
            }
        }
        for (String key : cpeKeys) addCpeKey(id, key, false);
        for (String name : a.cpeNames()) {
            String key = IndexKeys.cpeKey(name);
            if (key != null && cpeKeys.add(key)) addCpeKey(id, key, true);
        }
        Set<String> pkgKeys = new LinkedHashSet<>();
        for (AffectedPackage p : a.packages()) {
            jp.mamori.matching.purl.PurlKey key = IndexKeys.packageKey(p.ecosystem(), p.name());
            String eco = key.ecosystem();
            String name = key.name();
            if (name == null || name.isEmpty() || eco == null || !pkgKeys.add(key.lookupKey())) continue;
            insertPackageKey.setLong(1, id);
            insertPackageKey.setString(2, truncate(eco, 100));
            insertPackageKey.setString(3, truncate(name, 400));
            insertPackageKey.addBatch();
            pendingKeys++;
        }
        if (pendingKeys >= BATCH) flushKeys();
    }

    private void addCpeKey(long id, String key, boolean versionless) throws SQLException {
        insertCpeKey.setLong(1, id);
        insertCpeKey.setString(2, key);
        insertCpeKey.setBoolean(3, versionless);
        insertCpeKey.addBatch();
        pendingKeys++;
    }

    @Override
    public void kev(KevEntry e) {
        try {
            upsertKev.setString(1, e.cveId());
            upsertKev.setString(2, e.vendorProject());
            upsertKev.setString(3, e.product());
            upsertKev.setString(4, e.vulnerabilityName());
            upsertKev.setDate(5, e.dateAdded() == null ? null : Date.valueOf(e.dateAdded()));
            upsertKev.setDate(6, e.dueDate() == null ? null : Date.valueOf(e.dueDate()));
            upsertKev.setString(7, e.shortDescription());
            upsertKev.setString(8, e.requiredAction());
            upsertKev.setString(9, e.ransomware());
            upsertKev.setString(10, e.notes());
            upsertKev.addBatch();
            stats.kev++;
            touchedVulns.add(e.cveId());
            if (++pendingFeeds >= BATCH) flushFeeds();
        } catch (SQLException ex) {
            throw new KnowledgeBaseException("cannot store KEV entry " + e.cveId() + ": " + ex.getMessage(), ex);
        }
        progress.accept(stats.records());
    }

    @Override
    public void epss(EpssScore s) {
        try {
            // The knowledge base keeps the latest score; an older file never overwrites a newer one.
            if (s.scoreDate() != null) {
                findEpssDate.setString(1, s.cveId());
                try (ResultSet rs = findEpssDate.executeQuery()) {
                    if (rs.next() && rs.getDate(1) != null && rs.getDate(1).toLocalDate().isAfter(s.scoreDate())) {
                        stats.olderIgnored++;
                        return;
                    }
                }
            }
            upsertEpss.setString(1, s.cveId());
            upsertEpss.setDouble(2, s.score());
            upsertEpss.setDouble(3, s.percentile());
            upsertEpss.setDate(4, s.scoreDate() == null ? null : Date.valueOf(s.scoreDate()));
            upsertEpss.setString(5, s.modelVersion());
            upsertEpss.addBatch();
            stats.epss++;
            if (++pendingFeeds >= BATCH) flushFeeds();
        } catch (SQLException ex) {
            throw new KnowledgeBaseException("cannot store EPSS score " + s.cveId() + ": " + ex.getMessage(), ex);
        }
        progress.accept(stats.records());
    }

    @Override
    public void vex(VexStatement v) {
        try {
            upsertVex.setString(1, v.vulnId());
            upsertVex.setString(2, v.product());
            upsertVex.setString(3, v.status().key());
            upsertVex.setString(4, v.justification());
            upsertVex.setString(5, v.impact());
            upsertVex.setString(6, v.action());
            upsertVex.setString(7, v.source().key());
            upsertVex.setString(8, v.documentId() == null ? "" : v.documentId());
            if (v.timestamp() == null) upsertVex.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
            else upsertVex.setTimestamp(9, ts(v.timestamp()));
            upsertVex.addBatch();
            stats.vex++;
            touchedVulns.add(v.vulnId());
            if (++pendingFeeds >= BATCH) flushFeeds();
        } catch (SQLException ex) {
            throw new KnowledgeBaseException("cannot store VEX statement for " + v.vulnId() + ": " + ex.getMessage(), ex);
        }
    }

    /** Sends every batched row; call before commit. */
    public void flush() {
        try {
            flushKeys();
            flushVulns();
            flushFeeds();
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot store records: " + e.getMessage(), e);
        }
    }

    private void flushKeys() throws SQLException {
        if (pendingKeys == 0) return;
        insertCpeKey.executeBatch();
        insertPackageKey.executeBatch();
        pendingKeys = 0;
    }

    private void flushVulns() throws SQLException {
        if (pendingVulns == 0) return;
        upsertVuln.executeBatch();
        insertAlias.executeBatch();
        pendingVulns = 0;
    }

    private void flushFeeds() throws SQLException {
        if (pendingFeeds == 0) return;
        upsertKev.executeBatch();
        upsertEpss.executeBatch();
        upsertVex.executeBatch();
        pendingFeeds = 0;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(findStatement, insertStatement, updateStatement, deleteCpeKeys, deletePackageKeys,
                insertCpeKey, insertPackageKey, upsertVuln, insertAlias, upsertKev, upsertEpss, findEpssDate, upsertVex)) {
            ps.close();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
