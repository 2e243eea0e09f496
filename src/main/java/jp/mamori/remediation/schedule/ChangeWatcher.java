package jp.mamori.remediation.schedule;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.assessment.FindingOrder;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.DecisionStore;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.notify.Audience;
import jp.mamori.notify.NotificationEvent;
import jp.mamori.notify.NotificationQueue;
import jp.mamori.triage.ssvc.Outcome;

/**
 * Turns what matching recorded (finding_event) into follow-up: an outcome that rose (e.g. the
 * vulnerability was added to KEV) gets a fresh deadline, reopens a risk acceptance made before it
 * and is announced; a fixed finding that came back, or a decision whose match changed, is announced.
 * A bookmark remembers the last event handled, so each change is handled once.
 */
final class ChangeWatcher {

    static final String CURSOR = "remediation.event_cursor";
    static final String ACTOR = "mamori";

    record Counts(int raised, int reopened) { }

    private record Change(long eventId, String kind, Instant at, String fromState, String toState, String detail, long findingId,
                          long orgId, long systemId, long assetId, String identity, String vulnId, String assetCode, FindingState state,
                          String outcome, LocalDate due) { }

    Counts run(Connection c, Instant now) throws SQLException {
        long cursor = SchedulerState.getLong(c, CURSOR, 0);
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.kind, e.at, e.from_state, e.to_state, e.detail, f.id, f.organization_id, "
                + "f.system_id, f.asset_id, f.component_identity, f.vuln_id, a.code, f.state, f.outcome, f.due_date FROM finding_event e "
                + "JOIN finding f ON f.id = e.finding_id JOIN asset a ON a.id = f.asset_id "
                + "WHERE e.id > ? AND e.kind IN ('outcome_changed', 'reopened', 'match_changed') ORDER BY e.id")) {
            ps.setLong(1, cursor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate(16);
                    changes.add(new Change(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), FindingState.fromKey(rs.getString(14)), rs.getString(15), due == null ? null : due.toLocalDate()));
                }
            }
        }
        long last = cursor;
        int raised = 0;
        int reopened = 0;
        for (Change ch : changes) {
            last = Math.max(last, ch.eventId());
            switch (ch.kind()) {
                case "outcome_changed" -> {
                    if (handleRaise(c, ch, now)) raised++;
                }
                case "reopened" -> {
                    // Matching reopens FIXED findings; our own reopening of risk acceptances is announced where it happens.
                    if (FindingState.FIXED.key().equals(ch.fromState()) && FindingState.NEW.key().equals(ch.toState())) {
                        notify(c, ch, "reopened", audience(ch.outcome()),
                                "解消済みの検出が再び該当しました: " + label(ch) + " 期限 " + ch.due(),
                                "A fixed finding matches again: " + label(ch) + ", due " + ch.due(), now);
                        reopened++;
                    }
                }
                default -> {
                    notify(c, ch, "match_changed", audience(ch.outcome()),
                            "一致条件が変わったため対応判断を見直してください: " + label(ch),
                            "The match changed, the decision needs to be made again: " + label(ch), now);
                    reopened++;
                }
            }
        }
        SchedulerState.set(c, CURSOR, String.valueOf(last));
        return new Counts(raised, reopened);
    }

    private boolean handleRaise(Connection c, Change ch, Instant now) throws SQLException {
        String[] parts = ch.detail() == null ? new String[0] : ch.detail().split(" → ");
        if (parts.length != 2) return false;
        Outcome before = Outcome.fromKey(parts[0].trim());
        Outcome after = Outcome.fromKey(parts[1].trim());
        if (FindingOrder.outcomeRank(after) <= FindingOrder.outcomeRank(before)) return false;
        // What is closed for reasons that do not depend on urgency stays closed.
        if (ch.state() == FindingState.NOT_AFFECTED || ch.state() == FindingState.FALSE_POSITIVE || ch.state() == FindingState.FIXED) {
            return false;
        }
        String reopenedJa = "";
        String reopenedEn = "";
        if (ch.state() == FindingState.RISK_ACCEPTED) {
            DecisionStore.Identity id = new DecisionStore.Identity(ch.findingId(), ch.assetId(), ch.identity(), ch.vulnId());
            StoredDecision d = DecisionStore.current(c, id).orElse(null);
            // Accepted knowing the higher outcome already: the acceptance stands.
            if (d != null && d.action() == DecisionAction.ACCEPT && d.decidedAt().isBefore(ch.at())) {
                DecisionStore.supersede(c, id, now, "対応度の上昇 / outcome rose " + before.key() + " → " + after.key());
                setState(c, ch.findingId(), FindingState.NEW);
                FindingRecorder.event(c, ch.findingId(), now, ACTOR, "reopened", FindingState.RISK_ACCEPTED, FindingState.NEW,
                        "対応度が上がったためリスク受容を取り消しました / risk acceptance withdrawn: outcome rose " + before.display() + " → " + after.display());
                reopenedJa = " リスク受容を取り消し、再検討としました。";
                reopenedEn = " The risk acceptance was withdrawn.";
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET overdue_since = NULL, escalated_at = NULL WHERE id = ?")) {
            ps.setLong(1, ch.findingId());
            ps.executeUpdate();
        }
        FindingRecorder.event(c, ch.findingId(), now, ACTOR, "deadline_reset", null, null,
                "新しい期限 / new deadline " + ch.due() + "（" + before.display() + " → " + after.display() + "）");
        notify(c, ch, "outcome_raised", audience(after.key()),
                "対応度が上がりました（悪用状況の変化など）: " + label(ch) + " " + before.display() + " → " + after.display() + "、新しい期限 " + ch.due() + "。" + reopenedJa,
                "Outcome rose (e.g. new exploitation evidence): " + label(ch) + " " + before.display() + " → " + after.display() + ", new deadline "
                        + ch.due() + "." + reopenedEn, now);
        return true;
    }

    private static void setState(Connection c, long findingId, FindingState s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET state = ? WHERE id = ?")) {
            ps.setString(1, s.key());
            ps.setLong(2, findingId);
            ps.executeUpdate();
        }
    }

    private static void notify(Connection c, Change ch, String kind, Audience audience, String ja, String en, Instant now) throws SQLException {
        NotificationQueue.enqueue(c, NotificationEvent.of(ch.orgId(), ch.systemId(), ch.findingId(), kind, audience, ch.vulnId(),
                ch.assetCode(), ch.outcome(), ch.due(), ja, en), now);
    }

    static Audience audience(String outcome) {
        return "act".equals(outcome) ? Audience.SYSTEM_AND_CISO : Audience.SYSTEM;
    }

    private static String label(Change ch) {
        return "#" + ch.findingId() + " " + ch.vulnId() + " / " + ch.assetCode();
    }
}
