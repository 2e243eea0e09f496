package jp.mamori.remediation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.mitigation.MitigationItem;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.notify.Audience;
import jp.mamori.notify.NotificationEvent;
import jp.mamori.notify.NotificationQueue;
import jp.mamori.notify.Recipients;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * Records people's decisions on findings: checks the transition and what the decision must carry,
 * then stores the decision, the state change and a finding_event together, adds the mitigation
 * items a response needs, and queues a notification — all in one transaction.
 */
public final class FindingWorkflow {

    private final Database database;
    private final DecisionRules rules;
    private final MitigationService mitigations;
    private final Clock clock;

    public FindingWorkflow(Database database, Recipients recipients, MitigationService mitigations, Clock clock) {
        this.database = database;
        this.rules = new DecisionRules(recipients);
        this.mitigations = mitigations;
        this.clock = clock;
    }

    /** Records a decision on one finding of the organisation. */
    public DecisionResult decide(long orgId, long findingId, Decision decision) {
        return decide(orgId, findingId, decision, (c, r, d) -> { });
    }

    /** More work that commits (or rolls back) together with a decision, e.g. the caller's audit entry. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void run(Connection c, DecisionResult result, Decision recorded) throws SQLException;
    }

    /** Records a decision and runs {@code also} in the same transaction (after the decision is stored). */
    public DecisionResult decide(long orgId, long findingId, Decision decision, AlsoInTransaction also) {
        Decision d = rules.validate(orgId, decision, today());
        if (needsApproval(d)) {
            // issue 18.5: naming someone as approver does not make it theirs; it waits for them
            return database.inTransaction(c -> {
                FindingFacts f = FindingFacts.lock(c, orgId, findingId).orElseThrow(() -> new NoSuchFindingException(findingId));
                Transitions.check(f.id(), f.state(), d.action());
                long requestId = AcceptanceRequests.insert(c, orgId, f.id(), d, clock.instant());
                FindingRecorder.event(c, f.id(), clock.instant(), d.actor(), "acceptance_requested", f.state(), f.state(),
                        "リスク受容の承認依頼 / risk acceptance awaiting approval by " + d.approver() + ": " + d.reason() + " [" + d.until() + "]");
                DecisionResult r = new DecisionResult(0, f.id(), f.state(), f.state(), 0, requestId);
                also.run(c, r, d);
                return r;
            });
        }
        List<MitigationItem> items = needsMitigations(d.action()) ? mitigations.suggest(orgId, findingId) : List.of();
        return database.inTransaction(c -> {
            FindingFacts f = FindingFacts.lock(c, orgId, findingId).orElseThrow(() -> new NoSuchFindingException(findingId));
            DecisionResult r = apply(c, f, d, items);
            also.run(c, r, d);
            return r;
        });
    }

    /** A risk acceptance that names an approver other than the person recording it waits for that approver. */
    static boolean needsApproval(Decision d) {
        return d.action() == DecisionAction.ACCEPT && d.approver() != null && !d.approver().equalsIgnoreCase(d.actor());
    }

    /**
     * The named security officer approves a pending risk acceptance: the decision is stored
     * (recorded by the requester, approved by {@code approver}) and the request closed, in one
     * transaction with {@code also}. Anyone else is refused; an approved request cannot be approved again.
     */
    public DecisionResult approveAcceptance(long orgId, long requestId, String approver, AlsoInTransaction also) {
        AcceptanceRequest pending = new AcceptanceRequests(database.dataSource()).find(orgId, requestId)
                .orElseThrow(() -> new NoSuchAcceptanceRequestException(requestId));
        if (approver == null || !pending.approver().equalsIgnoreCase(approver.strip())) {
            throw new NotTheApproverException(pending.approver());
        }
        Decision d = rules.validate(orgId, pending.decision().withApprover(pending.approver()), today());
        List<MitigationItem> items = mitigations.suggest(orgId, pending.findingId());
        return database.inTransaction(c -> {
            AcceptanceRequest req = AcceptanceRequests.lock(c, orgId, requestId).orElseThrow(() -> new NoSuchAcceptanceRequestException(requestId));
            if (!req.pending()) {
                throw new WorkflowException("この承認依頼は承認済みです（#" + requestId + "）", "acceptance request #" + requestId + " is already approved");
            }
            FindingFacts f = FindingFacts.lock(c, orgId, req.findingId()).orElseThrow(() -> new NoSuchFindingException(req.findingId()));
            DecisionResult r = apply(c, f, d, items);
            AcceptanceRequests.markApproved(c, requestId, clock.instant(), r.decisionId());
            also.run(c, r, d);
            return r;
        });
    }

    /** No such acceptance request in this organisation (404, like another tenant's). */
    public static final class NoSuchAcceptanceRequestException extends RuntimeException {
        public NoSuchAcceptanceRequestException(long id) {
            super("no such acceptance request: " + id);
        }
    }

    /** Only the named approver approves (403 on the web). */
    public static final class NotTheApproverException extends WorkflowException {
        public NotTheApproverException(String approver) {
            super("承認できるのは承認者として指名された情報セキュリティ担当（" + approver + "）のみです",
                    "only the security officer named as approver (" + approver + ") can approve this risk acceptance");
        }
    }

    /**
     * A decision for every finding of the same vulnerability on the same product (same package or
     * CPE product) in the organisation. Without confirmation nothing is stored and the findings that
     * would be touched are returned, so a person sees them first.
     */
    public SameProduct.Result applyToSameProduct(long orgId, long findingId, Decision decision, boolean confirmed) {
        Decision d = rules.validate(orgId, decision, today());
        if (needsApproval(d)) {
            throw new WorkflowException("承認者の承認が必要なリスク受容は同一製品の検出へ一括適用できません",
                    "a risk acceptance that needs another person's approval cannot be applied to the same product at once");
        }
        List<SameProduct.Candidate> candidates = sameProduct(orgId, findingId, d.action());
        if (!candidates.get(0).allowed()) Transitions.check(findingId, candidates.get(0).state(), d.action());
        if (!confirmed) return new SameProduct.Result(candidates, false, List.of());
        Map<Long, List<MitigationItem>> items = new HashMap<>();
        if (needsMitigations(d.action())) {
            for (SameProduct.Candidate cand : candidates) {
                if (cand.allowed()) items.put(cand.findingId(), mitigations.suggest(orgId, cand.findingId()));
            }
        }
        List<DecisionResult> results = database.inTransaction(c -> {
            List<DecisionResult> out = new ArrayList<>();
            for (SameProduct.Candidate cand : candidates) {
                if (!cand.allowed()) continue;
                FindingFacts f = FindingFacts.lock(c, orgId, cand.findingId()).orElseThrow(() -> new NoSuchFindingException(cand.findingId()));
                // The state may have changed since the preview; a finding no longer eligible is left alone.
                if (f.id() != findingId && !Transitions.allowed(f.state(), d.action())) continue;
                out.add(apply(c, f, d, items.getOrDefault(cand.findingId(), List.of())));
            }
            return out;
        });
        return new SameProduct.Result(candidates, true, results);
    }

    /** The findings a same-product decision concerns, the given one first. */
    public List<SameProduct.Candidate> sameProduct(long orgId, long findingId, DecisionAction action) {
        try (Connection c = database.connection()) {
            String base = "SELECT f.id, a.code, a.name, f.component_name, f.component_version, f.state, f.component_identity, f.vuln_id, a.cpe_key "
                    + "FROM finding f JOIN asset a ON a.id = f.asset_id WHERE f.organization_id = ? ";
            String identity;
            String vulnId;
            String cpeKey;
            List<SameProduct.Candidate> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(base + "AND f.id = ?")) {
                ps.setLong(1, orgId);
                ps.setLong(2, findingId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new NoSuchFindingException(findingId);
                    out.add(candidate(rs, action));
                    identity = rs.getString(7);
                    vulnId = rs.getString(8);
                    cpeKey = rs.getString(9);
                }
            }
            // A device's findings all have the identity "device": its product is the asset's CPE product.
            boolean device = TargetFindings.DEVICE.equals(identity);
            if (device && cpeKey == null) return out;
            try (PreparedStatement ps = c.prepareStatement(base + "AND f.vuln_id = ? AND f.id <> ? AND f.component_identity = ?"
                    + (device ? " AND a.cpe_key = ?" : "") + " ORDER BY a.code, f.id")) {
                ps.setLong(1, orgId);
                ps.setString(2, vulnId);
                ps.setLong(3, findingId);
                ps.setString(4, identity);
                if (device) ps.setString(5, cpeKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(candidate(rs, action));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read findings: " + e.getMessage(), e);
        }
    }

    private DecisionResult apply(Connection c, FindingFacts f, Decision d, List<MitigationItem> items) throws SQLException {
        Transitions.check(f.id(), f.state(), d.action());
        Instant now = clock.instant();
        DecisionStore.supersede(c, f.identity(), now, "新しい判断 / superseded by a new decision (" + d.action().key() + ")");
        int added = items.isEmpty() ? 0 : mitigations.ensure(c, f.organizationId(), f.id(), items, d.until(), d.actor());
        FindingState to = Lifecycle.decided(d.action(), MitigationService.allFinished(c, f.id()));
        LocalDate due = Lifecycle.decidedDue(to, d.action(), d.until(), f.triageDue());
        long decisionId = DecisionStore.insert(c, f.organizationId(), f.id(), f.identity(), d, f.state(), to, now, f.componentVersion(), f.criterion());
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET state = ?, due_date = ?, overdue_since = NULL, escalated_at = NULL "
                + "WHERE id = ?")) {
            ps.setString(1, to.key());
            ps.setDate(2, due == null ? null : java.sql.Date.valueOf(due));
            ps.setLong(3, f.id());
            ps.executeUpdate();
        }
        FindingRecorder.event(c, f.id(), now, d.actor(), "decision", f.state(), to, eventText(d));
        NotificationQueue.enqueue(c, NotificationEvent.of(f.organizationId(), f.systemId(), f.id(), "decision", Audience.SYSTEM,
                f.vulnId(), f.assetCode(), f.outcome(), d.until(),
                "対応判断: " + f.label() + " → " + to.ja() + "（" + d.actor() + "）" + until(d, true) + " 理由: " + d.reason(),
                "Decision: " + f.label() + " → " + to.key() + " by " + d.actor() + until(d, false) + ". Reason: " + d.reason()), now);
        return new DecisionResult(decisionId, f.id(), f.state(), to, added);
    }

    private static boolean needsMitigations(DecisionAction a) {
        return a == DecisionAction.MITIGATE || a == DecisionAction.PATCH || a == DecisionAction.ACCEPT;
    }

    private static String eventText(Decision d) {
        StringBuilder sb = new StringBuilder(d.action().ja()).append(" / ").append(d.action().en()).append(": ").append(d.reason());
        if (d.until() != null) sb.append(" [").append(d.until()).append("]");
        if (d.approver() != null) sb.append(" 承認 / approved by ").append(d.approver());
        if (d.justification() != null) sb.append(" VEX ").append(d.justification().key());
        return sb.toString();
    }

    private static String until(Decision d, boolean ja) {
        if (d.until() == null) return "";
        return switch (d.action()) {
            case PATCH, MITIGATE -> ja ? " パッチ期限 " + d.until() : ", patch by " + d.until();
            case ACCEPT -> ja ? " 受容期限 " + d.until() : ", accepted until " + d.until();
            default -> ja ? " 見直し日 " + d.until() : ", review on " + d.until();
        };
    }

    private static SameProduct.Candidate candidate(ResultSet rs, DecisionAction action) throws SQLException {
        FindingState s = FindingState.fromKey(rs.getString(6));
        return new SameProduct.Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), s,
                Transitions.allowed(s, action));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TriagePolicy.TOKYO));
    }
}
