package jp.mamori.web.findings;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.Fmt;
import jp.mamori.web.support.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/findings}: the same lists and evidence as the pages, as JSON. */
@RestController
@RequestMapping("/api/v1")
public class FindingApiController {

    private final FindingViews views;
    private final Tenancy tenancy;
    private final Fmt fmt;
    private final ObjectProvider<FindingDecisions> decisions;
    private final jp.mamori.app.Mamori mamori;

    public FindingApiController(FindingViews views, Tenancy tenancy, Fmt fmt, ObjectProvider<FindingDecisions> decisions, jp.mamori.app.Mamori mamori) {
        this.mamori = mamori;
        this.views = views;
        this.tenancy = tenancy;
        this.fmt = fmt;
        this.decisions = decisions;
    }

    @GetMapping("/findings")
    public Map<String, Object> list(@RequestParam(required = false) String state, @RequestParam(required = false) String outcome,
                                    @RequestParam(required = false) Long system, @RequestParam(required = false) Long asset,
                                    @RequestParam(required = false) String q, @RequestParam(required = false) String severity,
                                    @RequestParam(required = false) String boundary, @RequestParam(required = false) String overdue,
                                    @RequestParam(required = false) String candidates, @RequestParam(required = false) String vuln,
                                    @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                    AccessScope scope, HttpServletRequest request) {
        Organization org = tenancy.require(scope, request);
        FindingViews.ListRequest r = FindingParams.of(state, outcome, system, asset, q, severity, boundary, overdue, candidates, vuln, sort, dir, page, size);
        FindingViews.ListResult result = views.list(scope, org.id(), r, fmt.today());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("organization", Map.of("id", org.id(), "code", org.code(), "name", org.name()));
        out.put("total", result.total());
        out.put("page", result.page());
        out.put("size", result.size());
        out.put("pages", result.pages());
        out.put("sort", r.sortOrder().key());
        out.put("items", result.items().stream().map(f -> FindingJson.row(f, fmt.today())).toList());
        return out;
    }

    @GetMapping("/findings/{id}")
    public Map<String, Object> detail(@PathVariable("id") long id, AccessScope scope, Locale locale) {
        FindingViews.Detail d = views.detail(scope, id);
        Map<String, Object> out = FindingJson.row(d.row(), fmt.today());
        out.put("evidence", d.evidence());
        out.put("cvssAll", d.allCvss());
        out.put("lastSeen", d.lastSeen());
        out.put("closedAt", d.closedAt());
        out.put("history", d.history());
        out.put("attackTraces", FindingPageController.tracesJson(FindingPageController.traces(mamori, d)));
        out.putAll(summaryJson(FindingPageController.summary(mamori, d)));
        // ===== REMEDIATION WORKFLOW: filled by a FindingDecisions bean (see FindingDecisions) =====
        FindingDecisions panel = decisions.getIfAvailable();
        out.put("decision", panel == null ? null : panel.describe(scope, d.row().organizationId(), id));
        return out;
    }

    /** The page's top summary as JSON: deadlineReason (kind, due, basis and the KEV fact in both languages) and nextAction. */
    static Map<String, Object> summaryJson(jp.mamori.remediation.FindingSummary s) {
        jp.mamori.remediation.DeadlineReason r = s.deadline();
        Map<String, Object> reason = new java.util.LinkedHashMap<>();
        reason.put("kind", r.kind().key());
        reason.put("due", r.due() == null ? null : r.due().toString());
        reason.put("ja", r.ja());
        reason.put("en", r.en());
        reason.put("basisJa", r.basisJa());
        reason.put("basisEn", r.basisEn());
        reason.put("policyDays", r.policyDays());
        reason.put("countedFrom", r.countedFrom() == null ? null : r.countedFrom().toString());
        reason.put("kevDueDate", r.kevDueDate() == null ? null : r.kevDueDate().toString());
        reason.put("kevPassedBeforeDetection", r.kevPassedBeforeDetection());
        reason.put("setBy", r.decidedBy());
        reason.put("decisionReason", r.decisionReason());
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("stateJa", s.state().ja());
        out.put("deadlineReason", reason);
        out.put("nextAction", Map.of("ja", s.next().ja(), "en", s.next().en()));
        return out;
    }
}
