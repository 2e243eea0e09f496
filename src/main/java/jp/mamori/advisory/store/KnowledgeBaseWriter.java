package jp.mamori.advisory.store;

import jp.mamori.persistence.StoredJson;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import jp.mamori.advisory.Advisory;
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
 *
 * <p>Rows are written in bulk (issue 16, P3; ADR 0023): on PostgreSQL new statements and every
 * index key go in by {@code COPY} (the statements' ids reserved from their sequence first), on H2
 * the index keys by multi-row inserts. All of it on the caller's connection and transaction, so a
 * document is still stored whole or not at all. {@code bulk = false} keeps the row-by-row JDBC
 * batches (the way this class wrote before; tests compare the two).
 */
public final class KnowledgeBaseWriter implements FeedSink, AutoCloseable {

    private static final int BATCH = 500;

    private final Connection connection;
    private final SqlDialect dialect;
    private final Instant now;
    private final ImportStats stats = new ImportStats();
    private final LongConsumer progress;
    private final Set<String> touchedVulns = new LinkedHashSet<>();

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
    private final StoredStatementCheck storedCheck;
    /** PostgreSQL's COPY, or null (H2, or bulk writing off). */
    private final PgCopy copy;
    private final PgCopy.Rows copyCpeKeys = new PgCopy.Rows();
    private final PgCopy.Rows copyPackageKeys = new PgCopy.Rows();
    /** H2's multi-row inserts of the index keys, or null (PostgreSQL, or bulk writing off). */
    private final MultiRowInsert multiCpeKeys;
    private final MultiRowInsert multiPackageKeys;
    /**
     * PostgreSQL: vulnerabilities and aliases of a batch in a few multi-row upserts instead of one
     * statement each (the server ran 300,000 of them for an NVD-scale import); null otherwise.
     */
    private final Map<String, Boolean> pgVulns;
    private final Set<List<String>> pgAliases;
    private final MultiRowInsert multiVulns;
    private final MultiRowInsert multiAliases;
    private int pendingKeys;
    private int pendingVulns;
    private int pendingFeeds;
    private boolean statementsChanged;

    public KnowledgeBaseWriter(Connection connection, SqlDialect dialect, Instant now, LongConsumer progress) throws SQLException {
        this(connection, dialect, now, progress, true);
    }

    KnowledgeBaseWriter(Connection connection, SqlDialect dialect, Instant now, LongConsumer progress, boolean bulk) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.now = now;
        this.progress = progress == null ? n -> { } : progress;
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
        storedCheck = new StoredStatementCheck(connection);
        upsertVex = connection.prepareStatement(dialect.upsert("vex_statement", List.of("vuln_id", "product", "source", "document_id"),
                List.of("vuln_id", "product", "status", "justification", "impact", "action", "source", "document_id", "stated_at")));
        copy = bulk && dialect == SqlDialect.POSTGRES && PgCopy.supported(connection) ? new PgCopy(connection) : null;
        boolean multi = bulk && copy == null;
        pgVulns = copy == null ? null : new LinkedHashMap<>();
        pgAliases = copy == null ? null : new LinkedHashSet<>();
        multiVulns = copy == null ? null : new MultiRowInsert(connection, "vulnerability", List.of("id", "withdrawn", "updated_at"), 100,
                " ON CONFLICT (id) DO UPDATE SET withdrawn = EXCLUDED.withdrawn, updated_at = EXCLUDED.updated_at");
        multiAliases = copy == null ? null : new MultiRowInsert(connection, "vuln_alias", List.of("alias", "vuln_id"), 100,
                " ON CONFLICT (alias, vuln_id) DO NOTHING");
        multiCpeKeys = multi ? new MultiRowInsert(connection, "advisory_cpe_key", List.of("statement_id", "cpe_key", "versionless"), 64) : null;
        multiPackageKeys = multi ? new MultiRowInsert(connection, "advisory_package_key",
                List.of("statement_id", "ecosystem", "package_name"), 64) : null;
    }

    public ImportStats stats() {
        return stats;
    }

    /** Vulnerability ids whose statements this document inserted or changed (for re-matching). */
    public Set<String> touchedVulnerabilities() {
        return touchedVulns;
    }

    /** A parsed statement waiting for its batch; statements are looked up and written 500 at a time. */
    private record Pending(Advisory advisory, String payload, String hash) {
        String key() {
            return advisory.vulnId() + "\u0000" + advisory.documentId();
        }
    }

    private record Existing(long id, Timestamp modified, String hash) { }

    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> pendingStatementKeys = new HashSet<>();

    /** A statement with its stored JSON and that JSON's hash, made ahead on the parser's thread ({@link OverlappedParse}). */
    record Prepared(Advisory advisory, String payload, String hash) { }

    static Prepared prepare(Advisory a) {
        try {
            String payload = StoredJson.MAPPER.writeValueAsString(a);
            return new Prepared(a, payload, sha256(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KnowledgeBaseException("cannot store " + a.vulnId() + " from " + a.source().key() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void advisory(Advisory a) {
        advisory(prepare(a));
    }

    void advisory(Prepared prepared) {
        Advisory a = prepared.advisory();
        try {
            Pending p = new Pending(a, prepared.payload(), prepared.hash());
            // The same statement twice in one batch: the first must be stored before the second is compared.
            if (!pendingStatementKeys.add(a.source().key() + "\u0000" + p.key())) {
                flushPending();
                pendingStatementKeys.add(a.source().key() + "\u0000" + p.key());
            }
            pending.add(p);
            if (pending.size() >= BATCH) flushPending();
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot store " + a.vulnId() + " from " + a.source().key() + ": " + e.getMessage(), e);
        }
        progress.accept(stats.records() + pending.size());
    }

    private void flushPending() throws SQLException {
        if (pending.isEmpty()) return;
        Map<String, Existing> existing = lookup(pending);
        List<Pending> inserts = new ArrayList<>();
        List<Long> insertedIds = new ArrayList<>();
        List<Pending> written = new ArrayList<>();
        List<Long> writtenIds = new ArrayList<>();
        for (Pending p : pending) {
            Advisory a = p.advisory();
            Existing e = existing.get(a.source().key() + "\u0000" + p.key());
            if (e == null) {
                inserts.add(p);
                continue;
            }
            if (p.hash().equals(e.hash()) || (sameModified(e, a) && storedCheck.sameAsStored(e.id(), a, p.payload(), p.hash()))) {
                stats.unchanged++;
                continue;
            }
            if (e.modified() != null && a.modified() != null && e.modified().toInstant().isAfter(a.modified())) {
                stats.olderIgnored++;
                continue;
            }
            updateStatement.setTimestamp(1, ts(a.modified()));
            updateStatement.setBoolean(2, a.withdrawn());
            updateStatement.setString(3, p.hash());
            updateStatement.setString(4, p.payload());
            updateStatement.setTimestamp(5, ts(now));
            updateStatement.setLong(6, e.id());
            updateStatement.addBatch();
            deleteCpeKeys.setLong(1, e.id());
            deleteCpeKeys.addBatch();
            deletePackageKeys.setLong(1, e.id());
            deletePackageKeys.addBatch();
            written.add(p);
            writtenIds.add(e.id());
            stats.updated++;
        }
        storedCheck.flush();
        if (!written.isEmpty()) {
            updateStatement.executeBatch();
            deleteCpeKeys.executeBatch();
            deletePackageKeys.executeBatch();
        }
        if (!inserts.isEmpty() && copy != null) {
            long[] ids = copy.reserveStatementIds(inserts.size());
            PgCopy.Rows rows = new PgCopy.Rows();
            for (int i = 0; i < inserts.size(); i++) {
                Pending p = inserts.get(i);
                Advisory a = p.advisory();
                rows.add(ids[i]).add(a.vulnId()).add(a.source().key()).add(a.documentId()).add(a.modified()).add(a.withdrawn())
                        .add(p.hash()).add(p.payload()).add(now).end();
                insertedIds.add(ids[i]);
            }
            copy.copyIn("advisory_statement", "id, vuln_id, source, document_id, modified, withdrawn, content_hash, payload, imported_at", rows);
            written.addAll(inserts);
            writtenIds.addAll(insertedIds);
            stats.inserted += inserts.size();
        } else if (!inserts.isEmpty()) {
            for (Pending p : inserts) {
                Advisory a = p.advisory();
                insertStatement.setString(1, a.vulnId());
                insertStatement.setString(2, a.source().key());
                insertStatement.setString(3, a.documentId());
                insertStatement.setTimestamp(4, ts(a.modified()));
                insertStatement.setBoolean(5, a.withdrawn());
                insertStatement.setString(6, p.hash());
                insertStatement.setString(7, p.payload());
                insertStatement.setTimestamp(8, ts(now));
                insertStatement.addBatch();
            }
            insertStatement.executeBatch();
            try (ResultSet keys = insertStatement.getGeneratedKeys()) {
                while (keys.next()) insertedIds.add(keys.getLong(1));
            }
            if (insertedIds.size() != inserts.size()) {
                throw new SQLException("expected " + inserts.size() + " generated ids, got " + insertedIds.size());
            }
            written.addAll(inserts);
            writtenIds.addAll(insertedIds);
            stats.inserted += inserts.size();
        }
        if (!written.isEmpty()) statementsChanged = true;
        for (int i = 0; i < written.size(); i++) {
            Advisory a = written.get(i).advisory();
            touchedVulns.add(a.vulnId());
            if (!a.withdrawn()) indexKeys(writtenIds.get(i), a);
            boolean withdrawn = a.withdrawn() && (a.source() == Source.NVD || a.source() == Source.CVE5);
            if (pgVulns != null) {
                // One multi-row upsert takes a row once: the last statement's value wins, as one upsert after another would.
                pgVulns.remove(a.vulnId());
                pgVulns.put(a.vulnId(), withdrawn);
            } else {
                upsertVuln.setString(1, a.vulnId());
                upsertVuln.setBoolean(2, withdrawn);
                upsertVuln.setTimestamp(3, ts(now));
                upsertVuln.addBatch();
            }
            Set<String> aliases = new LinkedHashSet<>(a.aliases());
            // JVN and OSV documents are about this one vulnerability: their ids find it too.
            if ((a.source() == Source.JVN || a.source() == Source.OSV) && !a.documentId().equals(a.vulnId())) {
                aliases.add(a.documentId());
            }
            for (String alias : aliases) {
                if (pgAliases != null) {
                    pgAliases.add(List.of(alias, a.vulnId()));
                    continue;
                }
                insertAlias.setString(1, alias);
                insertAlias.setString(2, a.vulnId());
                insertAlias.addBatch();
            }
            pendingVulns++;
        }
        flushKeys();
        flushVulns();
        pending.clear();
        pendingStatementKeys.clear();
    }

    /** One query per source and 100 vulnerability ids instead of one per statement. */
    private Map<String, Existing> lookup(List<Pending> batch) throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        Map<String, List<String>> idsBySource = new LinkedHashMap<>();
        for (Pending p : batch) {
            idsBySource.computeIfAbsent(p.advisory().source().key(), k -> new ArrayList<>()).add(p.advisory().vulnId());
        }
        for (Map.Entry<String, List<String>> e : idsBySource.entrySet()) {
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(e.getValue()));
            if (dialect == SqlDialect.POSTGRES) {
                lookupPostgres(e.getKey(), ids, out);
                continue;
            }
            for (int from = 0; from < ids.size(); from += 100) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
                String sql = "SELECT id, vuln_id, document_id, modified, content_hash FROM advisory_statement WHERE source = ? AND vuln_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 2, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(e.getKey() + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3),
                                    new Existing(rs.getLong(1), rs.getTimestamp(4), rs.getString(5)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * One query per batch, by vuln_id alone (the identity index leads with it): while a first import
     * fills a table that was never analysed, PostgreSQL's plan for {@code source = ? AND vuln_id IN
     * (...)} read the by-source index, i.e. every statement of the source, for each batch (an import
     * of 80,000 NVD records took 109 s). Other sources' rows are dropped here.
     */
    private void lookupPostgres(String source, List<String> ids, Map<String, Existing> out) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, vuln_id, document_id, modified, content_hash, source FROM advisory_statement WHERE vuln_id = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!source.equals(rs.getString(6))) continue;
                    out.put(source + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3),
                            new Existing(rs.getLong(1), rs.getTimestamp(4), rs.getString(5)));
                }
            }
        }
    }

    private void indexKeys(long id, Advisory a) throws SQLException {
        StatementKeys keys = StatementKeys.of(a);
        for (int i = 0; i < keys.cpeKeys().size(); i++) addCpeKey(id, keys.cpeKeys().get(i), keys.versionless().get(i));
        for (int i = 0; i < keys.ecosystems().size(); i++) {
            pendingKeys++;
            if (copy != null) {
                copyPackageKeys.add(id).add(keys.ecosystems().get(i)).add(keys.packageNames().get(i)).end();
                continue;
            }
            if (multiPackageKeys != null) {
                multiPackageKeys.add(id, keys.ecosystems().get(i), keys.packageNames().get(i));
                continue;
            }
            insertPackageKey.setLong(1, id);
            insertPackageKey.setString(2, keys.ecosystems().get(i));
            insertPackageKey.setString(3, keys.packageNames().get(i));
            insertPackageKey.addBatch();
        }
        if (pendingKeys >= BATCH) flushKeys();
    }

    private void addCpeKey(long id, String key, boolean versionless) throws SQLException {
        pendingKeys++;
        if (copy != null) {
            copyCpeKeys.add(id).add(key).add(versionless).end();
            return;
        }
        if (multiCpeKeys != null) {
            multiCpeKeys.add(id, key, versionless);
            return;
        }
        insertCpeKey.setLong(1, id);
        insertCpeKey.setString(2, key);
        insertCpeKey.setBoolean(3, versionless);
        insertCpeKey.addBatch();
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

    /** Sends every batched row and raises the knowledge base generation when a statement changed; call before commit. */
    public void flush() {
        try {
            flushPending();
            flushKeys();
            flushVulns();
            flushFeeds();
            if (statementsChanged) {
                KbGeneration.bump(connection);
                statementsChanged = false;
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot store records: " + e.getMessage(), e);
        }
    }

    private void flushKeys() throws SQLException {
        if (pendingKeys == 0) return;
        if (copy != null) {
            copy.copyIn("advisory_cpe_key", "statement_id, cpe_key, versionless", copyCpeKeys);
            copy.copyIn("advisory_package_key", "statement_id, ecosystem, package_name", copyPackageKeys);
        } else if (multiCpeKeys != null) {
            multiCpeKeys.flush();
            multiPackageKeys.flush();
        } else {
            insertCpeKey.executeBatch();
            insertPackageKey.executeBatch();
        }
        pendingKeys = 0;
    }

    private void flushVulns() throws SQLException {
        if (pendingVulns == 0) return;
        if (pgVulns != null) {
            Timestamp at = ts(now);
            for (Map.Entry<String, Boolean> v : pgVulns.entrySet()) multiVulns.add(v.getKey(), v.getValue(), at);
            for (List<String> alias : pgAliases) multiAliases.add(alias.get(0), alias.get(1));
            multiVulns.flush();
            multiAliases.flush();
            pgVulns.clear();
            pgAliases.clear();
        } else {
            upsertVuln.executeBatch();
            insertAlias.executeBatch();
        }
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
        for (PreparedStatement ps : List.of(insertStatement, updateStatement, deleteCpeKeys, deletePackageKeys,
                insertCpeKey, insertPackageKey, upsertVuln, insertAlias, upsertKev, upsertEpss, findEpssDate, upsertVex)) {
            ps.close();
        }
        storedCheck.close();
        if (copy != null) copy.close();
        if (multiCpeKeys != null) multiCpeKeys.close();
        if (multiPackageKeys != null) multiPackageKeys.close();
        if (multiVulns != null) multiVulns.close();
        if (multiAliases != null) multiAliases.close();
    }

    /** A statement with another modified time is another version: no need to read the stored one. */
    private static boolean sameModified(Existing e, Advisory a) {
        return e.modified() == null ? a.modified() == null : a.modified() != null && e.modified().toInstant().equals(a.modified());
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
