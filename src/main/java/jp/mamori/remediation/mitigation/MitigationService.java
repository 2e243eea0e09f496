package jp.mamori.remediation.mitigation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.Remediation;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.advisory.store.VulnerabilityRecord;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.Lifecycle;
import jp.mamori.remediation.NoSuchFindingException;
import jp.mamori.remediation.WorkflowException;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * Mitigations of a finding: suggested from the vendor's CSAF workarounds and mitigations, KEV's
 * required action, and — on internet-boundary devices — the post-compromise checklist; stored
 * per finding with status, owner and review date.
 */
public final class MitigationService {

    private static final String COLUMNS = "id, organization_id, finding_id, source, item_key, title_ja, title_en, details, url, status, "
            + "owner, review_date, created_at, updated_at, updated_by";

    private final Database database;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;

    public MitigationService(Database database, Clock clock) {
        this.database = database;
        this.knowledgeBase = new KnowledgeBase(database.dataSource());
        this.clock = clock;
    }

    /** What we know of a finding to suggest mitigations. */
    private record Target(String vulnId, boolean boundary, Instant firstSeen) { }

    /** Suggested items for a finding (nothing is stored). */
    public List<MitigationItem> suggest(long orgId, long findingId) {
        Target t = target(database.dataSource(), orgId, findingId);
        List<MitigationItem> out = new ArrayList<>();
        Optional<VulnerabilityRecord> record = knowledgeBase.find(t.vulnId());
        KevEntry kev = record.map(VulnerabilityRecord::kev).orElseGet(() -> knowledgeBase.kev(t.vulnId()).orElse(null));
        if (record.isPresent()) {
            for (VulnerabilityRecord.SourcedRemediation r : record.get().remediations()) {
                Remediation rem = r.remediation();
                String category = rem.category() == null ? "" : rem.category().toLowerCase(Locale.ROOT);
                if (!category.equals("workaround") && !category.equals("mitigation")) continue;
                String ja = category.equals("workaround") ? "ベンダーの回避策" : "ベンダーの緩和策";
                String en = category.equals("workaround") ? "Vendor workaround" : "Vendor mitigation";
                out.add(new MitigationItem(MitigationSource.CSAF, "csaf:" + hash(r.documentId() + "\n" + category + "\n" + rem.details()),
                        ja + "（" + r.documentId() + "）", en + " (" + r.documentId() + ")", rem.details(), rem.url()));
            }
        }
        if (kev != null && kev.requiredAction() != null && !kev.requiredAction().isBlank()) {
            out.add(new MitigationItem(MitigationSource.KEV, "kev", "CISA KEV の必要な対応を実施する"
                    + (kev.dueDate() == null ? "" : "（CISA期限 " + kev.dueDate() + "）"), "Carry out CISA KEV's required action",
                    kev.requiredAction(), null));
        }
        if (t.boundary()) {
            LocalDate since = record.map(VulnerabilityRecord::published).map(p -> p.atZone(TriagePolicy.TOKYO).toLocalDate())
                    .orElse(t.firstSeen().atZone(TriagePolicy.TOKYO).toLocalDate());
            out.addAll(PostCompromiseChecklist.items(since));
        }
        return out;
    }

    /** Stores the suggestions a finding does not have yet; returns how many were added. */
    public int ensure(Connection c, long orgId, long findingId, List<MitigationItem> items, LocalDate reviewDate, String actor)
            throws SQLException {
        Instant now = clock.instant();
        int added = 0;
        for (MitigationItem i : items) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM mitigation WHERE finding_id = ? AND item_key = ?")) {
                exists.setLong(1, findingId);
                exists.setString(2, i.itemKey());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) continue;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mitigation (organization_id, finding_id, source, item_key, title_ja, "
                    + "title_en, details, url, status, owner, review_date, created_at, updated_at, updated_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, orgId);
                ps.setLong(2, findingId);
                ps.setString(3, i.source().key());
                ps.setString(4, i.itemKey());
                ps.setString(5, cut(i.titleJa(), 400));
                ps.setString(6, cut(i.titleEn(), 400));
                ps.setString(7, i.details());
                ps.setString(8, cut(i.url(), 1000));
                ps.setString(9, MitigationStatus.TODO.key());
                ps.setString(10, null);
                ps.setDate(11, reviewDate == null ? null : Date.valueOf(reviewDate));
                ps.setTimestamp(12, Timestamp.from(now));
                ps.setTimestamp(13, Timestamp.from(now));
                ps.setString(14, actor);
                ps.executeUpdate();
                added++;
            }
        }
        return added;
    }

    /** Suggests and stores in one go (e.g. from a command); returns how many were added. */
    public int ensure(long orgId, long findingId, LocalDate reviewDate, String actor) {
        List<MitigationItem> items = suggest(orgId, findingId);
        return database.inTransaction(c -> {
            int added = ensure(c, orgId, findingId, items, reviewDate, actor);
            follow(c, findingId, clock.instant(), actor);
            return added;
        });
    }

    /** Every mitigation item of the finding is done or not applicable (true when it has none). */
    public static boolean allFinished(Connection c, long findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mitigation WHERE finding_id = ? AND status NOT IN (?, ?)")) {
            ps.setLong(1, findingId);
            ps.setString(2, MitigationStatus.DONE.key());
            ps.setString(3, MitigationStatus.NOT_APPLICABLE.key());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    /** Moves a planned mitigation to mitigated once every item is done, and back when one is not ({@link Lifecycle}). */
    static void follow(Connection c, long findingId, Instant now, String actor) throws SQLException {
        FindingState state;
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM finding WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return;
                state = FindingState.fromKey(rs.getString(1));
            }
        }
        Lifecycle.Event e = Lifecycle.mitigationProgress(state, allFinished(c, findingId));
        if (e == null) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET state = ? WHERE id = ?")) {
            ps.setString(1, e.to().key());
            ps.setLong(2, findingId);
            ps.executeUpdate();
        }
        FindingRecorder.event(c, findingId, now, actor, e.kind(), e.from(), e.to(), e.detail());
    }

    public List<Mitigation> list(long orgId, Long findingId) {
        try (Connection c = database.connection()) {
            return list(c, orgId, findingId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read mitigations: " + e.getMessage(), e);
        }
    }

    public static List<Mitigation> list(Connection c, long orgId, Long findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mitigation WHERE organization_id = ?"
                + (findingId == null ? "" : " AND finding_id = ?") + " ORDER BY finding_id, id")) {
            ps.setLong(1, orgId);
            if (findingId != null) ps.setLong(2, findingId);
            List<Mitigation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        }
    }

    /** Changes of one item; null fields stay as they are. */
    public record Update(MitigationStatus status, String owner, LocalDate reviewDate) { }

    public Mitigation update(long orgId, long mitigationId, Update u, String actor) {
        return update(orgId, mitigationId, u, actor, (c, m) -> { });
    }

    /** More work that commits (or rolls back) together with an update, e.g. the caller's audit entry. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void run(Connection c, Mitigation updated) throws SQLException;
    }

    /** Updates an item and runs {@code also} in the same transaction (after the update). */
    public Mitigation update(long orgId, long mitigationId, Update u, String actor, AlsoInTransaction also) {
        LocalDate today = LocalDate.now(clock.withZone(TriagePolicy.TOKYO));
        if (u.reviewDate() != null && u.reviewDate().isBefore(today)) {
            throw new WorkflowException("見直し日 " + u.reviewDate() + " は過去の日付です", "review date " + u.reviewDate() + " is in the past");
        }
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mitigation SET status = COALESCE(?, status), owner = COALESCE(?, owner), "
                    + "review_date = COALESCE(?, review_date), updated_at = ?, updated_by = ? WHERE id = ? AND organization_id = ?")) {
                ps.setString(1, u.status() == null ? null : u.status().key());
                ps.setString(2, u.owner() == null ? null : cut(u.owner(), 100));
                ps.setDate(3, u.reviewDate() == null ? null : Date.valueOf(u.reviewDate()));
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                ps.setString(5, actor);
                ps.setLong(6, mitigationId);
                ps.setLong(7, orgId);
                if (ps.executeUpdate() == 0) {
                    throw new WorkflowException("回避策 #" + mitigationId + " は見つかりません", "no mitigation #" + mitigationId);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mitigation WHERE id = ?")) {
                ps.setLong(1, mitigationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Mitigation m = read(rs);
                    follow(c, m.findingId(), clock.instant(), actor);
                    also.run(c, m);
                    return m;
                }
            }
        });
    }

    private static Target target(DataSource ds, long orgId, long findingId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT f.vuln_id, a.internet_boundary, f.first_seen "
                + "FROM finding f JOIN asset a ON a.id = f.asset_id WHERE f.id = ? AND f.organization_id = ?")) {
            ps.setLong(1, findingId);
            ps.setLong(2, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new NoSuchFindingException(findingId);
                return new Target(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read finding: " + e.getMessage(), e);
        }
    }

    private static Mitigation read(ResultSet rs) throws SQLException {
        Date review = rs.getDate(12);
        return new Mitigation(rs.getLong(1), rs.getLong(2), rs.getLong(3), MitigationSource.fromKey(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), MitigationStatus.fromKey(rs.getString(10)),
                rs.getString(11), review == null ? null : review.toLocalDate(), rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14).toInstant(), rs.getString(15));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
