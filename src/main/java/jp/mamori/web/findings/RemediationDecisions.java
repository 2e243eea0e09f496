package jp.mamori.web.findings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.FindingHistory;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.FindingWorkflow;
import jp.mamori.remediation.NoSuchFindingException;
import jp.mamori.remediation.StoredDecision;
import jp.mamori.remediation.Transitions;
import jp.mamori.remediation.VexJustification;
import jp.mamori.remediation.WorkflowException;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.remediation.mitigation.MitigationStatus;
import jp.mamori.notify.Recipient;
import jp.mamori.notify.Recipients;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.web.inventory.ScopedInventory;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.ForbiddenException;
import jp.mamori.web.support.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The remediation workflow at the web edge: what the finding page and the API show of a finding's
 * decision and mitigations, and the two writes (record a decision, update a mitigation item) under
 * the caller's scope. Writes need write access to the finding's asset (security officer: own
 * organisation; system administrator: own systems; vendor: own assets, patch and mitigate only;
 * auditor: never); a finding the caller may not change answers 404 like an absent one. Every write
 * is appended to the audit log in the transaction that stores it.
 */
@Component
public class RemediationDecisions implements FindingDecisions {

    public static final String AUDIT_DECIDED = Audited.FINDING_DECIDED;
    public static final String AUDIT_MITIGATION = Audited.MITIGATION_UPDATED;
    /** What a vendor may record on its own assets (patch work); a vendor does not accept risks or close findings. */
    static final Set<DecisionAction> VENDOR_ACTIONS = Set.of(DecisionAction.PATCH, DecisionAction.MITIGATE);
    /** Offered in the form, in this order. */
    static final List<DecisionAction> FORM_ACTIONS = List.of(DecisionAction.PATCH, DecisionAction.MITIGATE, DecisionAction.ACCEPT,
            DecisionAction.NOT_AFFECTED, DecisionAction.FALSE_POSITIVE, DecisionAction.TRIAGE, DecisionAction.REOPEN);

    private final Mamori mamori;
    private final FindingViews views;
    private final ScopedInventory inventory;
    private final MitigationService mitigations;
    private final FindingHistory history;
    private final Recipients recipients;

    public RemediationDecisions(Mamori mamori, FindingViews views, ScopedInventory inventory) {
        this.mamori = mamori;
        this.views = views;
        this.inventory = inventory;
        this.recipients = mamori.recipients();
        this.mitigations = mamori.mitigations();
        this.history = mamori.findingHistory();
    }

    @Override
    public String fragment() {
        return "remediation/decision :: panel";
    }

    @Override
    public String formFragment() {
        return "remediation/decision :: decideTop";
    }

    /** What a decision form or JSON body carries; dates as yyyy-MM-dd. */
    public record DecisionInput(String action, String reason, String until, String approver, String justification, List<String> evidenceLinks)
            implements java.io.Serializable {
        /** A flash attribute (sessions live in the database): the links are kept in a serializable list. */
        public DecisionInput {
            evidenceLinks = evidenceLinks == null ? null : new java.util.ArrayList<>(evidenceLinks);
        }
    }

    /** Changes of a mitigation item; null or blank fields stay as they are. */
    public record MitigationInput(String status, String owner, String reviewDate) { }

    /** A finding the caller may see (else 404). */
    FindingRow readable(AccessScope scope, long findingId) {
        return views.row(scope, findingId);
    }

    boolean canWrite(AccessScope scope, FindingRow row) {
        return !scope.readOnly() && inventory.canWriteAsset(scope, row.organizationId(), row.assetId());
    }

    /** A finding the caller may change (else 404, as for one that does not exist). */
    FindingRow writable(AccessScope scope, long findingId) {
        FindingRow row = readable(scope, findingId);
        if (!canWrite(scope, row)) throw new NotFoundException("no such finding");
        return row;
    }

    Set<DecisionAction> allowedActions(AccessScope scope, FindingRow row) {
        Set<DecisionAction> out = new LinkedHashSet<>();
        if (!canWrite(scope, row)) return out;
        Set<DecisionAction> byState = Transitions.allowedFrom(FindingState.fromKey(row.state()));
        for (DecisionAction a : FORM_ACTIONS) {
            if (!byState.contains(a)) continue;
            if (scope.role() == Role.VENDOR && !VENDOR_ACTIONS.contains(a)) continue;
            out.add(a);
        }
        return out;
    }

    /** Records a decision; WorkflowException (400) when the core refuses it. */
    public DecisionResult decide(AccessScope scope, long findingId, DecisionInput in) {
        FindingRow row = writable(scope, findingId);
        if (in == null) throw new BadRequestException("判断の内容がありません / the decision is missing");
        DecisionAction action = DecisionAction.fromKey(in.action());
        if (scope.role() == Role.VENDOR && !VENDOR_ACTIONS.contains(action)) {
            throw new ForbiddenException("委託事業者が記録できるのはパッチ適用と回避策のみです / a vendor may record only patch and mitigate");
        }
        String justification = blank(in.justification());
        Decision d = new Decision(action, in.reason() == null ? null : in.reason().strip(), scope.username(), blank(in.approver()),
                date(in.until(), "期限・見直し日 / date"), links(in.evidenceLinks()),
                justification == null ? null : VexJustification.fromKey(justification));
        long orgId = row.organizationId();
        return mamori.decideFinding().run(actor(scope), orgId, findingId, d).decision();
    }

    /**
     * The named security officer approves a pending risk acceptance (issue 18.5). A request whose
     * finding the caller cannot see answers 404; anyone but the named approver 403.
     */
    public DecisionResult approve(AccessScope scope, long orgId, long requestId) {
        jp.mamori.remediation.AcceptanceRequest req = mamori.acceptanceRequests().find(orgId, requestId)
                .orElseThrow(() -> new NotFoundException("no such acceptance request"));
        readable(scope, req.findingId());
        if (scope.role() != Role.SECURITY_OFFICER || scope.readOnly() || !req.approver().equalsIgnoreCase(scope.username())) {
            throw new ForbiddenException("承認できるのは承認者として指名された情報セキュリティ担当のみです / only the security officer named as approver can approve");
        }
        try {
            return mamori.approveAcceptance().run(actor(scope), orgId, requestId).decision();
        } catch (FindingWorkflow.NotTheApproverException e) {
            throw new ForbiddenException(e.getMessage());
        }
    }

    /** The finding of an acceptance request the caller may see (else 404). */
    long approvalFinding(AccessScope scope, long orgId, long requestId) {
        jp.mamori.remediation.AcceptanceRequest req = mamori.acceptanceRequests().find(orgId, requestId)
                .orElseThrow(() -> new NotFoundException("no such acceptance request"));
        return readable(scope, req.findingId()).id();
    }

    /** Pending risk acceptances of the organisation whose findings the caller may see. */
    public List<DecisionView.Approval> pendingApprovals(AccessScope scope, long orgId) {
        List<DecisionView.Approval> out = new ArrayList<>();
        for (jp.mamori.remediation.AcceptanceRequest r : mamori.acceptanceRequests().pending(orgId, null)) {
            try {
                readable(scope, r.findingId());
            } catch (NotFoundException | NoSuchFindingException | jp.mamori.security.OutOfScopeException hidden) {
                continue;
            }
            out.add(approval(r, scope));
        }
        return out;
    }

    static DecisionView.Approval approval(jp.mamori.remediation.AcceptanceRequest r, AccessScope scope) {
        return DecisionView.Approval.of(r, r.pending() && scope.role() == Role.SECURITY_OFFICER && !scope.readOnly()
                && r.approver().equalsIgnoreCase(scope.username()));
    }

    static Actor actor(AccessScope scope) {
        return Actor.web(scope.username(), false, scope.role() == Role.SECURITY_OFFICER);
    }

    /** Updates one mitigation item of the finding. */
    public Mitigation updateMitigation(AccessScope scope, long findingId, long itemId, MitigationInput in) {
        FindingRow row = writable(scope, findingId);
        long orgId = row.organizationId();
        if (mitigations.list(orgId, findingId).stream().noneMatch(m -> m.id() == itemId)) throw new NotFoundException("no such mitigation");
        if (in == null) throw new BadRequestException("変更内容がありません / nothing to change");
        String status = blank(in.status());
        String owner = in.owner() == null ? null : in.owner().strip();
        if (owner != null && owner.length() > 100) throw new BadRequestException("担当者名が長すぎます（最大100文字）/ owner is longer than 100 characters");
        MitigationService.Update u = new MitigationService.Update(status == null ? null : MitigationStatus.fromKey(status),
                owner == null || owner.isEmpty() ? null : owner, date(in.reviewDate(), "見直し日 / review date"));
        return mamori.updateMitigation().run(actor(scope), orgId, itemId, u);
    }

    @Override
    public DecisionView describe(AccessScope scope, long organizationId, long findingId) {
        FindingRow row = readable(scope, findingId);
        if (row.organizationId() != organizationId) throw new NotFoundException("no such finding");
        List<StoredDecision> decisions = history.decisions(organizationId, findingId);
        FindingState state = FindingState.fromKey(row.state());
        StoredDecision current = null;
        for (StoredDecision d : decisions) if (d.current()) current = d;
        List<DecisionView.Decided> hist = new ArrayList<>();
        for (int i = decisions.size() - 1; i >= 0; i--) hist.add(DecisionView.Decided.of(decisions.get(i)));
        boolean write = canWrite(scope, row);
        return new DecisionView(findingId, new DecisionView.KeyJa(state.key(), state.ja()), current == null ? null : DecisionView.Decided.of(current),
                hist, mitigations.list(organizationId, findingId).stream().map(DecisionView.Item::of).toList(),
                mamori.acceptanceRequests().pendingForFinding(organizationId, findingId).stream().map(r -> approval(r, scope)).toList(),
                write, allowedActions(scope, row).stream().map(DecisionView.Action::of).toList(),
                write ? approvers(organizationId) : null,
                write ? java.util.Arrays.stream(VexJustification.values()).map(j -> new DecisionView.KeyJa(j.key(), j.ja())).toList() : null,
                write ? java.util.Arrays.stream(MitigationStatus.values()).map(s -> new DecisionView.KeyJa(s.key(), s.ja())).toList() : null);
    }

    private List<DecisionView.Approver> approvers(long orgId) {
        Map<String, DecisionView.Approver> out = new LinkedHashMap<>();
        List<Recipient> all = new ArrayList<>(recipients.securityOfficers(orgId));
        all.addAll(recipients.cisos(orgId));
        for (Recipient r : all) {
            if (!r.securityOfficer()) continue;
            out.putIfAbsent(r.username(), new DecisionView.Approver(r.username(), r.label()));
        }
        return new ArrayList<>(out.values());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String s, String what) {
        String v = blank(s);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new WorkflowException(what + " の形式が不正です（YYYY-MM-DD）", what + " is not a date (YYYY-MM-DD)");
        }
    }

    private static List<String> links(List<String> in) {
        if (in == null) return List.of();
        return in.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
    }

    /** NoSuchFindingException is a WorkflowException: the callers map it to 404 before the generic 400. */
    static boolean notFound(WorkflowException e) {
        return e instanceof NoSuchFindingException;
    }
}
