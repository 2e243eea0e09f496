package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.assessment.FindingOrder;
import jp.mamori.assessment.report.ScanJson;
import jp.mamori.matching.Match;
import jp.mamori.persistence.Database;
import jp.mamori.triage.TriageResult;
import jp.mamori.triage.ssvc.Outcome;

/**
 * Persists assessed findings of one asset. Re-recording the same result changes nothing but the
 * last-seen time; a finding that no longer matches is closed as FIXED (never deleted); a FIXED
 * finding that matches again is reopened; every change is a finding_event. People's decisions stay
 * on a finding that is matched again by the same criterion (the next SBOM of the asset), and the
 * deadline already given stays unless the outcome rises. The rules are {@link Lifecycle}'s; this class
 * only reads and writes rows.
 */
public final class FindingRecorder {

    /** Which of the asset's existing findings this run speaks for (and so may close). */
    public sealed interface CloseScope {
        /** Every component finding of the asset (a new SBOM replaces the old one). */
        record AllComponents() implements CloseScope { }

        /** The device's own findings (asset CPE). */
        record Device() implements CloseScope { }

        /** Only these identities (an advisory change re-assessed some components). */
        record Identities(Set<String> identities) implements CloseScope { }
    }

    public record Result(int detected, int reopened, int updated, int unchanged, int closed) implements java.io.Serializable {
        public static final Result NONE = new Result(0, 0, 0, 0, 0);

        public int changes() {
            return detected + reopened + updated + closed;
        }

        /** The counts as audit-detail fields, each key one word so that the audit page can label it. */
        public String auditFields(boolean withUpdated) {
            return "findings_new=" + detected + " findings_reopened=" + reopened
                    + (withUpdated ? " findings_updated=" + updated : "") + " findings_closed=" + closed;
        }
    }

    private final Database database;
    private final Clock clock;

    public FindingRecorder(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Result record(long orgId, long systemId, long assetId, boolean boundary, List<TargetFindings> targets,
                         CloseScope scope, String actor) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            int[] counts = new int[5];
            Set<Long> seen = new HashSet<>();
            for (List<Instance> group : groups(targets)) {
                List<StoredRow> stored = stored(c, assetId, group.get(0).target().identity(), group.get(0).finding().match().vulnId());
                int[] pairs = InstancePairing.pair(stored.stream().map(StoredRow::instance).toList(),
                        group.stream().map(Instance::instance).toList());
                for (int k = 0; k < group.size(); k++) {
                    Instance in = group.get(k);
                    seen.add(upsert(c, orgId, systemId, assetId, boundary, in.target(), in.finding(), pairs[k] < 0 ? null : stored.get(pairs[k]),
                            now, actor, counts));
                }
            }
            counts[4] = close(c, assetId, scope, seen, now, actor);
            return new Result(counts[0], counts[1], counts[2], counts[3], counts[4]);
        });
    }

    /** One vulnerable instance: a component version and one of its findings. */
    private record Instance(TargetFindings target, AssessedFinding finding) {
        String instance() {
            return InstancePairing.instance(target.version());
        }
    }

    /**
     * The instances by (component identity, vulnerability), in document order; the same version listed
     * twice (the same package at two paths) is one instance.
     */
    private static java.util.Collection<List<Instance>> groups(List<TargetFindings> targets) {
        java.util.Map<String, List<Instance>> out = new java.util.LinkedHashMap<>();
        for (TargetFindings t : targets) {
            for (AssessedFinding f : t.findings()) {
                List<Instance> g = out.computeIfAbsent(t.identity() + "\u0000" + f.match().vulnId(), k -> new java.util.ArrayList<>());
                Instance in = new Instance(t, f);
                if (g.stream().noneMatch(x -> x.instance().equals(in.instance()))) g.add(in);
            }
        }
        return out.values();
    }

    /** A stored finding of the identity and vulnerability, as a re-match needs it. */
    private record StoredRow(long id, FindingState state, String evidence, String outcome, LocalDate due, String instance) { }

    /** Open ones first, then by id: the order {@link InstancePairing} continues them in. */
    private static List<StoredRow> stored(Connection c, long assetId, String identity, String vulnId) throws SQLException {
        List<StoredRow> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, evidence, outcome, COALESCE(triage_due, due_date), component_instance "
                + "FROM finding WHERE asset_id = ? AND component_identity = ? AND vuln_id = ? ORDER BY CASE WHEN state = 'fixed' THEN 1 ELSE 0 END, id")) {
            ps.setLong(1, assetId);
            ps.setString(2, identity);
            ps.setString(3, vulnId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(5);
                    out.add(new StoredRow(rs.getLong(1), FindingState.fromKey(rs.getString(2)), rs.getString(3), rs.getString(4),
                            due == null ? null : due.toLocalDate(), rs.getString(6)));
                }
            }
        }
        return out;
    }

    private long upsert(Connection c, long orgId, long systemId, long assetId, boolean boundary, TargetFindings t,
                        AssessedFinding f, StoredRow old, Instant now, String actor, int[] counts) throws SQLException {
        String evidence = ScanJson.finding(f).toString();
        TriageResult tr = f.triage();
        String outcome = tr == null ? null : tr.outcome().key();
        // SPEC: outcome first, internet-boundary devices first; within that, lists sort by due date.
        int priority = FindingOrder.outcomeRank(tr == null ? null : tr.outcome()) * 10 + (boundary ? 5 : 0);
        Lifecycle.Seen seen = new Lifecycle.Seen(evidence, tr == null ? null : tr.outcome(), tr == null ? null : tr.dueDate(),
                f.suppressed(), f.match().criterion(), f.match().provenance() + " " + f.match().criterion(), vexText(f));
        if (old != null) {
            long id = old.id();
            FindingState state = old.state();
            DecisionStore.Identity key = new DecisionStore.Identity(id, assetId, t.identity(), f.match().vulnId());
            String instance = InstancePairing.instance(t.version());
            // the decision in force only matters when something changed (the common daily re-match reads nothing more)
            Lifecycle.InForce decision = state.decided() && !evidence.equals(old.evidence()) ? inForce(c, key) : null;
            Lifecycle.Next next = Lifecycle.observe(new Lifecycle.Stored(state, old.evidence(),
                    old.outcome() == null ? null : Outcome.fromKey(old.outcome()), old.due(), decision), seen);
            if (next.change() == Lifecycle.Change.UNCHANGED && instance.equals(old.instance())) {
                touch(c, id, now);
                counts[3]++;
                return id;
            }
            update(c, id, t, f, evidence, outcome, priority, next, now);
            if (next.supersede() != null) DecisionStore.supersede(c, key, now, next.supersede());
            for (Lifecycle.Event e : next.events()) event(c, id, now, actor, e.kind(), e.from(), e.to(), e.detail());
            counts[next.change() == Lifecycle.Change.REOPENED ? 1 : 2]++;
            return id;
        }
        Lifecycle.Next next = Lifecycle.observe(null, seen);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (organization_id, system_id, asset_id, component_identity, "
                + "component_id, component_name, component_version, vuln_id, confidence, candidate, match_by, match_source, criterion, "
                + "version_scheme, identifier, fixed_in, evidence, state, outcome, priority, due_date, severity, cvss_score, exploitation, "
                + "first_seen, last_seen, triage_due, exploited_since, component_instance) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, orgId);
            ps.setLong(2, systemId);
            ps.setLong(3, assetId);
            ps.setString(4, t.identity());
            ps.setObject(5, t.componentId());
            ps.setString(6, cut(t.name(), 400));
            ps.setString(7, cut(t.version(), 200));
            ps.setString(8, f.match().vulnId());
            ps.setString(9, f.match().confidence().key());
            ps.setBoolean(10, f.candidate());
            ps.setString(11, f.match().by().key());
            ps.setString(12, f.match().source().key());
            ps.setString(13, cut(f.match().criterion(), 1000));
            ps.setString(14, schemeId(f.match()));
            ps.setString(15, cut(f.match().identifier(), 1000));
            ps.setString(16, cut(String.join(", ", f.match().fixedIn()), 400));
            ps.setString(17, evidence);
            ps.setString(18, next.state().key());
            ps.setString(19, outcome);
            ps.setInt(20, priority);
            ps.setDate(21, date(next.due()));
            ps.setString(22, tr == null ? null : tr.severity());
            ps.setObject(23, tr == null ? null : tr.cvss().baseScore());
            ps.setString(24, tr == null ? null : tr.exploitation().key());
            ps.setTimestamp(25, Timestamp.from(now));
            ps.setTimestamp(26, Timestamp.from(now));
            ps.setDate(27, date(next.triageDue()));
            ps.setDate(28, date(exploitedSince(tr)));
            ps.setString(29, InstancePairing.instance(t.version()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        for (Lifecycle.Event e : next.events()) event(c, id, now, actor, e.kind(), e.from(), e.to(), e.detail());
        counts[0]++;
        return id;
    }

    private static Lifecycle.InForce inForce(Connection c, DecisionStore.Identity key) throws SQLException {
        return DecisionStore.current(c, key).map(d -> new Lifecycle.InForce(d.action(), d.matchCriterion(), d.until())).orElse(null);
    }

    /** Since when attackers are known to use it (CISA KEV dateAdded): the tie-break among findings due the same day. */
    private static LocalDate exploitedSince(TriageResult tr) {
        return tr == null || tr.exploitationEvidence() == null ? null : tr.exploitationEvidence().kevDateAdded();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static void update(Connection c, long id, TargetFindings t, AssessedFinding f, String evidence, String outcome,
                               int priority, Lifecycle.Next next, Instant now) throws SQLException {
        TriageResult tr = f.triage();
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET component_id = ?, component_name = ?, component_version = ?, "
                + "confidence = ?, candidate = ?, match_by = ?, match_source = ?, criterion = ?, version_scheme = ?, identifier = ?, "
                + "fixed_in = ?, evidence = ?, state = ?, outcome = ?, priority = ?, due_date = ?, severity = ?, cvss_score = ?, "
                + "exploitation = ?, last_seen = ?, closed_at = NULL, triage_due = ?, exploited_since = ?, component_instance = ? WHERE id = ?")) {
            ps.setObject(1, t.componentId());
            ps.setString(2, cut(t.name(), 400));
            ps.setString(3, cut(t.version(), 200));
            ps.setString(4, f.match().confidence().key());
            ps.setBoolean(5, f.candidate());
            ps.setString(6, f.match().by().key());
            ps.setString(7, f.match().source().key());
            ps.setString(8, cut(f.match().criterion(), 1000));
            ps.setString(9, schemeId(f.match()));
            ps.setString(10, cut(f.match().identifier(), 1000));
            ps.setString(11, cut(String.join(", ", f.match().fixedIn()), 400));
            ps.setString(12, evidence);
            ps.setString(13, next.state().key());
            ps.setString(14, outcome);
            ps.setInt(15, priority);
            ps.setDate(16, date(next.due()));
            ps.setString(17, tr == null ? null : tr.severity());
            ps.setObject(18, tr == null ? null : tr.cvss().baseScore());
            ps.setString(19, tr == null ? null : tr.exploitation().key());
            ps.setTimestamp(20, Timestamp.from(now));
            ps.setDate(21, date(next.triageDue()));
            ps.setDate(22, date(exploitedSince(tr)));
            ps.setString(23, InstancePairing.instance(t.version()));
            ps.setLong(24, id);
            ps.executeUpdate();
        }
    }

    private static void touch(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET last_seen = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static int close(Connection c, long assetId, CloseScope scope, Set<Long> seen, Instant now, String actor) throws SQLException {
        String where;
        if (scope instanceof CloseScope.Device) where = " AND component_identity = '" + TargetFindings.DEVICE + "'";
        else if (scope instanceof CloseScope.AllComponents) where = " AND component_identity <> '" + TargetFindings.DEVICE + "'";
        else where = "";
        Set<String> identities = scope instanceof CloseScope.Identities ids ? ids.identities() : null;
        int closed = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, component_identity FROM finding WHERE asset_id = ? AND state <> 'fixed'" + where)) {
            ps.setLong(1, assetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (seen.contains(id)) continue;
                    if (identities != null && !identities.contains(rs.getString(3))) continue;
                    FindingState from = FindingState.fromKey(rs.getString(2));
                    try (PreparedStatement up = c.prepareStatement("UPDATE finding SET state = 'fixed', closed_at = ? WHERE id = ?")) {
                        up.setTimestamp(1, Timestamp.from(now));
                        up.setLong(2, id);
                        up.executeUpdate();
                    }
                    event(c, id, now, actor, "closed", from, FindingState.FIXED,
                            "該当しなくなりました（版の更新または削除） / no longer matches (version changed or component removed)");
                    closed++;
                }
            }
        }
        return closed;
    }

    public static void event(Connection c, long findingId, Instant at, String actor, String kind, FindingState from, FindingState to,
                      String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO finding_event (finding_id, at, actor, kind, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, findingId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, actor);
            ps.setString(4, kind);
            ps.setString(5, from == null ? null : from.key());
            ps.setString(6, to == null ? null : to.key());
            ps.setString(7, detail);
            ps.executeUpdate();
        }
    }

    private static String vexText(AssessedFinding f) {
        if (f.vex() == null) return null;
        return "VEX " + f.vex().status().key() + (f.vex().justification() == null ? "" : " (" + f.vex().justification() + ")")
                + " — " + f.vex().source().key() + " " + f.vex().documentId();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String schemeId(Match m) {
        return m.scheme() == null ? null : m.scheme().id();
    }
}
