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
import jp.mamori.persistence.Database;
import jp.mamori.triage.TriageResult;
import jp.mamori.triage.ssvc.Outcome;

/**
 * Persists assessed findings of one asset. Re-recording the same result changes nothing but the
 * last-seen time; a finding that no longer matches is closed as FIXED (never deleted); a FIXED
 * finding that matches again is reopened; every change is a finding_event. People's decisions stay
 * on a finding that is matched again by the same criterion (the next SBOM of the asset), and the
 * deadline already given stays unless the outcome rises.
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

    public record Result(int detected, int reopened, int updated, int unchanged, int closed) {
        public static final Result NONE = new Result(0, 0, 0, 0, 0);

        public int changes() {
            return detected + reopened + updated + closed;
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
            for (TargetFindings t : targets) {
                for (AssessedFinding f : t.findings()) {
                    seen.add(upsert(c, orgId, systemId, assetId, boundary, t, f, now, actor, counts));
                }
            }
            counts[4] = close(c, assetId, scope, seen, now, actor);
            return new Result(counts[0], counts[1], counts[2], counts[3], counts[4]);
        });
    }

    private long upsert(Connection c, long orgId, long systemId, long assetId, boolean boundary, TargetFindings t,
                        AssessedFinding f, Instant now, String actor, int[] counts) throws SQLException {
        String evidence = ScanJson.finding(f).toString();
        TriageResult tr = f.triage();
        String outcome = tr == null ? null : tr.outcome().key();
        // SPEC: outcome first, internet-boundary devices first; within that, lists sort by due date.
        int priority = FindingOrder.outcomeRank(tr == null ? null : tr.outcome()) * 10 + (boundary ? 5 : 0);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, state, evidence, outcome, due_date FROM finding WHERE asset_id = ? AND component_identity = ? AND vuln_id = ?")) {
            ps.setLong(1, assetId);
            ps.setString(2, t.identity());
            ps.setString(3, f.match().vulnId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    FindingState state = FindingState.fromKey(rs.getString(2));
                    boolean same = evidence.equals(rs.getString(3));
                    String oldOutcome = rs.getString(4);
                    Date oldDue = rs.getDate(5);
                    FindingState next = state;
                    if (state == FindingState.FIXED) next = f.suppressed() ? FindingState.NOT_AFFECTED : FindingState.NEW;
                    else if (f.suppressed() && (state == FindingState.NEW || state == FindingState.TRIAGED)) next = FindingState.NOT_AFFECTED;
                    if (same && next == state) {
                        touch(c, id, now);
                        counts[3]++;
                        return id;
                    }
                    // A decision speaks for the match it was made on: the same range in a newer SBOM keeps it,
                    // a different one asks for a new decision.
                    DecisionStore.Identity key = new DecisionStore.Identity(assetId, t.identity(), f.match().vulnId());
                    String changedFrom = next == state && state.decided() ? changedCriterion(c, key, f.match().criterion()) : null;
                    if (changedFrom != null) next = FindingState.NEW;
                    boolean raised = raised(oldOutcome, outcome);
                    LocalDate due = tr == null ? null : tr.dueDate();
                    // Keep the deadline already given (a daily re-match must not push it out), unless the finding
                    // is reopened or its outcome rose: then the new deadline counts from today.
                    if (due != null && oldDue != null && state != FindingState.FIXED && changedFrom == null && !raised) {
                        due = min(oldDue.toLocalDate(), due);
                    }
                    update(c, id, t, f, evidence, outcome, priority, next, due, now);
                    if (state == FindingState.FIXED) {
                        DecisionStore.supersede(c, key, now, "解消後に再び該当 / matched again after being fixed");
                        event(c, id, now, actor, "reopened", state, next, "再び該当 / matches again: " + f.match().criterion());
                        counts[1]++;
                    } else if (changedFrom != null) {
                        DecisionStore.supersede(c, key, now, "一致条件の変更 / the match changed");
                        event(c, id, now, actor, "match_changed", state, next, "一致条件が変わったため判断を見直してください / the match changed, "
                                + "decide again: " + changedFrom + " → " + f.match().criterion());
                        counts[1]++;
                    } else {
                        if (next != state) event(c, id, now, actor, "vex", state, next, vexText(f));
                        if (oldOutcome != null && outcome != null && !oldOutcome.equals(outcome)) {
                            event(c, id, now, actor, "outcome_changed", state, next, oldOutcome + " → " + outcome);
                        }
                        counts[2]++;
                    }
                    return id;
                }
            }
        }
        FindingState initial = f.suppressed() ? FindingState.NOT_AFFECTED : FindingState.NEW;
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (organization_id, system_id, asset_id, component_identity, "
                + "component_id, component_name, component_version, vuln_id, confidence, candidate, match_by, match_source, criterion, "
                + "version_scheme, identifier, fixed_in, evidence, state, outcome, priority, due_date, severity, cvss_score, exploitation, "
                + "first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ps.setString(11, f.match().by());
            ps.setString(12, f.match().source());
            ps.setString(13, cut(f.match().criterion(), 1000));
            ps.setString(14, f.match().scheme());
            ps.setString(15, cut(f.match().identifier(), 1000));
            ps.setString(16, cut(String.join(", ", f.match().fixedIn()), 400));
            ps.setString(17, evidence);
            ps.setString(18, initial.key());
            ps.setString(19, outcome);
            ps.setInt(20, priority);
            ps.setDate(21, tr == null ? null : Date.valueOf(tr.dueDate()));
            ps.setString(22, tr == null ? null : tr.severity());
            ps.setObject(23, tr == null ? null : tr.cvss().baseScore());
            ps.setString(24, tr == null ? null : tr.exploitation().key());
            ps.setTimestamp(25, Timestamp.from(now));
            ps.setTimestamp(26, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        event(c, id, now, actor, "detected", null, initial, f.match().by() + "/" + f.match().source() + " " + f.match().criterion());
        if (initial == FindingState.NOT_AFFECTED) event(c, id, now, actor, "vex", FindingState.NEW, initial, vexText(f));
        counts[0]++;
        return id;
    }

    private static void update(Connection c, long id, TargetFindings t, AssessedFinding f, String evidence, String outcome,
                               int priority, FindingState state, LocalDate due, Instant now) throws SQLException {
        TriageResult tr = f.triage();
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET component_id = ?, component_name = ?, component_version = ?, "
                + "confidence = ?, candidate = ?, match_by = ?, match_source = ?, criterion = ?, version_scheme = ?, identifier = ?, "
                + "fixed_in = ?, evidence = ?, state = ?, outcome = ?, priority = ?, due_date = ?, severity = ?, cvss_score = ?, "
                + "exploitation = ?, last_seen = ?, closed_at = NULL WHERE id = ?")) {
            ps.setObject(1, t.componentId());
            ps.setString(2, cut(t.name(), 400));
            ps.setString(3, cut(t.version(), 200));
            ps.setString(4, f.match().confidence().key());
            ps.setBoolean(5, f.candidate());
            ps.setString(6, f.match().by());
            ps.setString(7, f.match().source());
            ps.setString(8, cut(f.match().criterion(), 1000));
            ps.setString(9, f.match().scheme());
            ps.setString(10, cut(f.match().identifier(), 1000));
            ps.setString(11, cut(String.join(", ", f.match().fixedIn()), 400));
            ps.setString(12, evidence);
            ps.setString(13, state.key());
            ps.setString(14, outcome);
            ps.setInt(15, priority);
            ps.setDate(16, due == null ? null : Date.valueOf(due));
            ps.setString(17, tr == null ? null : tr.severity());
            ps.setObject(18, tr == null ? null : tr.cvss().baseScore());
            ps.setString(19, tr == null ? null : tr.exploitation().key());
            ps.setTimestamp(20, Timestamp.from(now));
            ps.setLong(21, id);
            ps.executeUpdate();
        }
    }

    /** The criterion the decision in force was made on, when the new match differs from it; else null. */
    private static String changedCriterion(Connection c, DecisionStore.Identity key, String criterion) throws SQLException {
        var decision = DecisionStore.current(c, key);
        if (decision.isEmpty()) return null;
        String before = decision.get().matchCriterion();
        return before != null && criterion != null && !before.equals(criterion) ? before : null;
    }

    private static boolean raised(String before, String after) {
        if (before == null || after == null || before.equals(after)) return false;
        return FindingOrder.outcomeRank(Outcome.fromKey(after)) > FindingOrder.outcomeRank(Outcome.fromKey(before));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
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
}
