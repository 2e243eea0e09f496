package jp.mamori.advisory.store;
import jp.mamori.persistence.StoredJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.ProductStatus;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.Remediation;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;

/** Reads the knowledge base: merged records, per-source statements, KEV, EPSS, VEX. */
public final class KnowledgeBase {

    private final DataSource dataSource;
    private final Map<Long, Advisory> statementCache;

    public KnowledgeBase(DataSource dataSource) {
        this(dataSource, null);
    }

    /** @param statementCache parsed statements by id, shared with a {@link StoreAdvisoryLookup} of the same run; may be null */
    public KnowledgeBase(DataSource dataSource, Map<Long, Advisory> statementCache) {
        this.dataSource = dataSource;
        this.statementCache = statementCache;
    }

    /** Reads and parses the statements whose ids are not in the cache yet, 500 per query. */
    static void fetchPayloads(Connection c, List<Long> ids, Map<Long, Advisory> cache) throws SQLException {
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) if (!cache.containsKey(id)) missing.add(id);
        for (int from = 0; from < missing.size(); from += 500) {
            List<Long> chunk = missing.subList(from, Math.min(missing.size(), from + 500));
            String sql = "SELECT id, payload FROM advisory_statement WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) cache.put(rs.getLong(1), parse(rs.getString(2)));
                }
            }
        }
    }

    /** The primary id for an id or any alias (case-insensitive for the prefix). */
    public Optional<String> resolve(String idOrAlias) {
        String id = idOrAlias.trim();
        String upper = id.toUpperCase(java.util.Locale.ROOT);
        try (Connection c = dataSource.getConnection()) {
            for (String candidate : List.of(id, upper)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vulnerability WHERE id = ?")) {
                    ps.setString(1, candidate);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) return Optional.of(rs.getString(1));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT vuln_id FROM vuln_alias WHERE alias = ? ORDER BY vuln_id")) {
                    ps.setString(1, candidate);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) return Optional.of(rs.getString(1));
                    }
                }
            }
            // KEV or EPSS may know a CVE that no advisory describes yet.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT cve_id FROM kev_entry WHERE cve_id = ? UNION SELECT cve_id FROM epss_score WHERE cve_id = ?")) {
                ps.setString(1, upper);
                ps.setString(2, upper);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return Optional.of(rs.getString(1));
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base: " + e.getMessage(), e);
        }
    }

    public Optional<VulnerabilityRecord> find(String idOrAlias) {
        return resolve(idOrAlias).map(this::load);
    }

    /** Every live statement about one vulnerability, oldest source first. */
    public List<Advisory> statements(String vulnId) {
        List<Advisory> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payload FROM advisory_statement WHERE vuln_id = ? ORDER BY source, document_id")) {
            ps.setString(1, vulnId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(parse(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read statements of " + vulnId + ": " + e.getMessage(), e);
        }
        return out;
    }

    public static Advisory parse(String payload) {
        try {
            return StoredJson.MAPPER.readValue(payload, Advisory.class);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseException("stored statement is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    public Optional<KevEntry> kev(String cve) {
        try (Connection c = dataSource.getConnection()) {
            return kev(c, cve);
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read KEV: " + e.getMessage(), e);
        }
    }

    static Optional<KevEntry> kev(Connection c, String cve) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cve_id, vendor_project, product, vulnerability_name, date_added, "
                + "due_date, short_description, required_action, ransomware, notes FROM kev_entry WHERE cve_id = ?")) {
            ps.setString(1, cve);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new KevEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        }
    }

    public Optional<EpssScore> epss(String cve) {
        try (Connection c = dataSource.getConnection()) {
            return epss(c, cve);
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read EPSS: " + e.getMessage(), e);
        }
    }

    static Optional<EpssScore> epss(Connection c, String cve) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT cve_id, score, percentile, score_date, model_version FROM epss_score WHERE cve_id = ?")) {
            ps.setString(1, cve);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new EpssScore(rs.getString(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5)));
            }
        }
    }

    public List<VexStatement> vex(String vulnId) {
        List<VexStatement> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT vuln_id, product, status, justification, impact, action, source, "
                     + "document_id, stated_at FROM vex_statement WHERE vuln_id = ? ORDER BY stated_at, id")) {
            ps.setString(1, vulnId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(9);
                    out.add(new VexStatement(rs.getString(1), rs.getString(2),
                            VexStatus.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getString(4),
                            rs.getString(5), rs.getString(6), Source.fromKey(rs.getString(7)), rs.getString(8),
                            t == null ? null : t.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read VEX statements: " + e.getMessage(), e);
        }
        return out;
    }

    private VulnerabilityRecord load(String id) {
        List<Advisory> statements = statements(id);
        Set<String> aliases = new LinkedHashSet<>();
        boolean withdrawn = false;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT alias FROM vuln_alias WHERE vuln_id = ? ORDER BY alias")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) aliases.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT withdrawn FROM vulnerability WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) withdrawn = rs.getBoolean(1);
                }
            }
            return merge(id, aliases, withdrawn, statements, kev(c, id).orElse(null), epss(c, id).orElse(null), vex(id));
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Merged records of many vulnerabilities (primary ids) in a few queries per 500 ids: a scan of a
     * large SBOM triages thousands of matches, and one round of queries per match would dominate it.
     */
    public Map<String, VulnerabilityRecord> findAll(java.util.Collection<String> ids) {
        return findAll(ids, null);
    }

    /**
     * The merged record of one vulnerability's statements alone (no alias table, KEV, EPSS or VEX):
     * what a derived store (the compiled match index) keeps so that {@link #findAll(java.util.Collection,
     * java.util.function.Function)} need not read and parse the statements again.
     */
    public static VulnerabilityRecord mergeStatements(String id, List<Advisory> statements) {
        return merge(id, Set.of(), false, statements, null, null, List.of());
    }

    /**
     * Like {@link #findAll(java.util.Collection)}, with the statements' part of each record from
     * {@code statementPart} (a {@link #mergeStatements} result, or null to read the statements here).
     * It must give a part only for a vulnerability that has live statements and is not withdrawn, as
     * the compiled match index does: such a vulnerability's row is not read again.
     * The alias table, withdrawal, KEV, EPSS and VEX are read as always, and combined the way the
     * merge combines them.
     */
    public Map<String, VulnerabilityRecord> findAll(java.util.Collection<String> ids,
                                                    java.util.function.Function<String, VulnerabilityRecord> statementPart) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, VulnerabilityRecord> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
                Map<String, List<Advisory>> statements = new java.util.HashMap<>();
                Map<String, Set<String>> aliases = new java.util.HashMap<>();
                Set<String> withdrawn = new java.util.HashSet<>();
                Set<String> known = new java.util.HashSet<>();
                Map<String, KevEntry> kev = new java.util.HashMap<>();
                Map<String, EpssScore> epss = new java.util.HashMap<>();
                Map<String, List<VexStatement>> vex = new java.util.HashMap<>();
                Map<String, VulnerabilityRecord> partial = new java.util.HashMap<>();
                List<String> unread = new ArrayList<>();
                for (String id : chunk) {
                    VulnerabilityRecord p = statementPart == null ? null : statementPart.apply(id);
                    if (p != null) partial.put(id, p);
                    else unread.add(id);
                }
                if (!unread.isEmpty()) statements.putAll(statementsOf(unread));
                queryIds(c, "SELECT a.vuln_id, a.alias FROM " + IDS + " JOIN vuln_alias a ON a.vuln_id = ids.id ORDER BY a.alias", chunk,
                        rs -> aliases.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2)));
                // A statement part names a vulnerability with live statements that is not withdrawn (the
                // compiled index holds no other), so the table would only confirm that: ask it about the rest.
                known.addAll(partial.keySet());
                if (!unread.isEmpty()) {
                    queryIds(c, "SELECT v.id, v.withdrawn FROM " + IDS + " JOIN vulnerability v ON v.id = ids.id", unread, rs -> {
                        known.add(rs.getString(1));
                        if (rs.getBoolean(2)) withdrawn.add(rs.getString(1));
                    });
                }
                queryIds(c, "SELECT k.cve_id, k.vendor_project, k.product, k.vulnerability_name, k.date_added, k.due_date, k.short_description, "
                        + "k.required_action, k.ransomware, k.notes FROM " + IDS + " JOIN kev_entry k ON k.cve_id = ids.id", chunk, rs -> kev.put(rs.getString(1),
                        new KevEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))));
                queryIds(c, "SELECT e.cve_id, e.score, e.percentile, e.score_date, e.model_version FROM " + IDS + " JOIN epss_score e ON e.cve_id = ids.id",
                        chunk,
                        rs -> epss.put(rs.getString(1), new EpssScore(rs.getString(1), rs.getDouble(2), rs.getDouble(3),
                                rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5))));
                queryIds(c, "SELECT x.vuln_id, x.product, x.status, x.justification, x.impact, x.action, x.source, x.document_id, x.stated_at FROM "
                        + IDS + " JOIN vex_statement x ON x.vuln_id = ids.id ORDER BY x.stated_at, x.id", chunk, rs -> {
                    Timestamp t = rs.getTimestamp(9);
                    vex.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new VexStatement(rs.getString(1), rs.getString(2),
                            VexStatus.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getString(4), rs.getString(5),
                            rs.getString(6), Source.fromKey(rs.getString(7)), rs.getString(8), t == null ? null : t.toInstant()));
                });
                for (String id : chunk) {
                    if (!known.contains(id) && !kev.containsKey(id) && !epss.containsKey(id)) continue;
                    VulnerabilityRecord p = partial.get(id);
                    out.put(id, p != null
                            ? withTables(p, aliases.getOrDefault(id, Set.of()), withdrawn.contains(id), kev.get(id), epss.get(id), vex.getOrDefault(id, List.of()))
                            : merge(id, aliases.getOrDefault(id, Set.of()), withdrawn.contains(id), statements.getOrDefault(id, List.of()),
                            kev.get(id), epss.get(id), vex.getOrDefault(id, List.of())));
                }
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Every statement (withdrawn ones too) of many vulnerabilities, in a few queries per 500 ids:
     * a full feed import touches hundreds of thousands of them.
     */
    public Map<String, List<Advisory>> statementsOf(java.util.Collection<String> ids) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, List<Advisory>> out = new java.util.HashMap<>();
        Map<Long, Advisory> cache = statementCache != null ? statementCache : new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                Map<String, List<Long>> statementIds = new java.util.LinkedHashMap<>();
                List<Long> allIds = new ArrayList<>();
                query(c, "SELECT vuln_id, id FROM advisory_statement WHERE vuln_id IN (" + in + ") ORDER BY source, document_id", chunk, rs -> {
                    statementIds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    allIds.add(rs.getLong(2));
                });
                fetchPayloads(c, allIds, cache);
                statementIds.forEach((vuln, sids) -> {
                    List<Advisory> list = out.computeIfAbsent(vuln, k -> new ArrayList<>());
                    for (Long sid : sids) if (cache.get(sid) != null) list.add(cache.get(sid));
                });
                if (statementCache == null) cache.clear();
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Ids handed over as one array parameter and joined, in {@link #queryIds}: an {@code IN} list of
     * 500 parameters per query made the facts of a 10,000-component scan 33 queries per table, each
     * sorting its list and looking its values up one by one; on H2 the join took half the time
     * (cold and warm, issue 16). H2 caps an array at 65,536 elements.
     */
    private static final String IDS = "UNNEST(?) AS ids(id)";
    private static final int IDS_PER_QUERY = 10_000;

    /** {@code sql} selects from {@link #IDS} joined to a table; {@code ids} are distinct. */
    private static void queryIds(Connection c, String sql, List<String> ids, RowReader reader) throws SQLException {
        java.sql.Array array = c.createArrayOf("varchar", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reader.read(rs);
            }
        } finally {
            array.free();
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, List<String> params, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reader.read(rs);
            }
        }
    }


    /** {@link #merge} of the statements' part with the tables' part: the same record as merging everything at once. */
    static VulnerabilityRecord withTables(VulnerabilityRecord p, Set<String> aliases, boolean withdrawn, KevEntry kev, EpssScore epss,
                                          List<VexStatement> vex) {
        Set<String> allAliases = new LinkedHashSet<>(aliases);
        allAliases.addAll(p.aliases());
        allAliases.remove(p.id());
        return new VulnerabilityRecord(p.id(), List.copyOf(allAliases), withdrawn, p.published(), p.modified(), p.descriptions(), p.cvss(),
                p.cwes(), kev, epss, p.affected(), p.productStatuses(), p.remediations(), vex, p.references(), p.exploitedStatedBy(), p.sources());
    }

    static VulnerabilityRecord merge(String id, Set<String> aliases, boolean withdrawn, List<Advisory> statements,
                                     KevEntry kev, EpssScore epss, List<VexStatement> vex) {
        List<Advisory> ordered = new ArrayList<>(statements);
        ordered.sort(java.util.Comparator.comparingInt((Advisory a) -> a.source().factPrecedence()).thenComparing(Advisory::documentId));
        Instant published = null;
        Instant modified = null;
        Map<String, String> descriptions = new LinkedHashMap<>();
        List<CvssScore> cvss = new ArrayList<>();
        Set<String> cwes = new LinkedHashSet<>();
        List<VulnerabilityRecord.SourcedConfiguration> configs = new ArrayList<>();
        List<VulnerabilityRecord.SourcedPackage> packages = new ArrayList<>();
        List<VulnerabilityRecord.SourcedCpeName> cpeNames = new ArrayList<>();
        List<VulnerabilityRecord.SourcedProductStatus> statuses = new ArrayList<>();
        List<VulnerabilityRecord.SourcedRemediation> remediations = new ArrayList<>();
        Map<String, VulnerabilityRecord.SourcedReference> refs = new LinkedHashMap<>();
        List<String> exploitedBy = new ArrayList<>();
        List<VulnerabilityRecord.SourceInfo> sources = new ArrayList<>();
        Set<String> allAliases = new LinkedHashSet<>(aliases);
        for (Advisory a : ordered) {
            String src = a.source().key();
            sources.add(new VulnerabilityRecord.SourceInfo(src, a.documentId(), a.modified(), a.withdrawn(), a.title()));
            if (a.withdrawn()) continue;
            if (a.published() != null && (published == null || a.published().isBefore(published))) published = a.published();
            if (a.modified() != null && (modified == null || a.modified().isAfter(modified))) modified = a.modified();
            a.descriptions().forEach(descriptions::putIfAbsent);
            for (CvssScore s : a.cvss()) if (!cvss.contains(s)) cvss.add(s);
            cwes.addAll(a.cwes());
            for (CpeConfiguration cfg : a.configurations()) configs.add(new VulnerabilityRecord.SourcedConfiguration(src, a.documentId(), cfg));
            for (AffectedPackage p : a.packages()) packages.add(new VulnerabilityRecord.SourcedPackage(src, a.documentId(), p));
            for (String n : a.cpeNames()) cpeNames.add(new VulnerabilityRecord.SourcedCpeName(src, a.documentId(), n));
            for (ProductStatus p : a.productStatuses()) statuses.add(new VulnerabilityRecord.SourcedProductStatus(src, a.documentId(), p));
            for (Remediation r : a.remediations()) remediations.add(new VulnerabilityRecord.SourcedRemediation(src, a.documentId(), r));
            for (Reference r : a.references()) {
                VulnerabilityRecord.SourcedReference prev = refs.get(r.url());
                if (prev == null) {
                    refs.put(r.url(), new VulnerabilityRecord.SourcedReference(src, r.url(), r.tags()));
                } else if (!r.tags().isEmpty()) {
                    Set<String> tags = new LinkedHashSet<>(prev.tags());
                    tags.addAll(r.tags());
                    refs.put(r.url(), new VulnerabilityRecord.SourcedReference(prev.source(), r.url(), List.copyOf(tags)));
                }
            }
            if (a.exploited()) exploitedBy.add(src + ":" + a.documentId());
            allAliases.addAll(a.aliases());
            if (!a.documentId().equals(id) && (a.source() == Source.JVN || a.source() == Source.OSV)) allAliases.add(a.documentId());
        }
        allAliases.remove(id);
        return new VulnerabilityRecord(id, List.copyOf(allAliases), withdrawn, published, modified, descriptions, cvss,
                List.copyOf(cwes), kev, epss, new VulnerabilityRecord.Affected(configs, packages, cpeNames), statuses,
                remediations, vex, List.copyOf(refs.values()), exploitedBy, sources);
    }
}
