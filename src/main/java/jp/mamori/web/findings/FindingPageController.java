package jp.mamori.web.findings;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.inventory.ScopedInventory;
import jp.mamori.web.support.Fmt;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** 検出一覧 and one finding with its evidence. */
@Controller
@PageController
public class FindingPageController {

    private final FindingViews views;
    private final Tenancy tenancy;
    private final ScopedInventory inventory;
    private final Fmt fmt;
    private final ObjectProvider<FindingDecisions> decisions;
    private final jp.mamori.app.Mamori mamori;

    public FindingPageController(FindingViews views, Tenancy tenancy, ScopedInventory inventory, Fmt fmt, ObjectProvider<FindingDecisions> decisions,
                                 jp.mamori.app.Mamori mamori) {
        this.mamori = mamori;
        this.views = views;
        this.tenancy = tenancy;
        this.inventory = inventory;
        this.fmt = fmt;
        this.decisions = decisions;
    }

    @InitBinder(FindingParams.NAME)
    void parametersOnly(WebDataBinder binder) {
        FindingParams.parametersOnly(binder);
    }

    @GetMapping("/findings")
    public String list(@ModelAttribute(FindingParams.NAME) FindingParams params, AccessScope scope, HttpServletRequest request, Locale locale, Model model) {
        Organization org = tenancy.require(scope, request);
        FindingViews.ListRequest r = params.request();
        FindingViews.ListResult result = views.list(scope, org.id(), r, fmt.today());
        model.addAttribute("result", result);
        model.addAttribute("req", r);
        model.addAttribute("explanations", views.explanations(result.items(), locale));
        model.addAttribute("reasons", views.deadlineReasons(org.id(), result.items()));
        model.addAttribute("systems", inventory.systems(scope, org.id()));
        model.addAttribute("assets", inventory.assets(scope, org.id()));
        model.addAttribute("query", queryString(request));
        return "findings/list";
    }

    /** 攻撃の痕跡 (issue 15) for a finding on a boundary device, else null. */
    static jp.mamori.app.detection.AttackTraces traces(jp.mamori.app.Mamori m, FindingViews.Detail d) {
        if (!d.row().boundary()) return null;
        java.time.Instant published = d.vulnerability() == null ? null : d.vulnerability().published();
        return jp.mamori.app.detection.AttackTraces.of(m, d.row().organizationId(), d.row().assetCode(), d.row().vulnId(), published);
    }

    /** The same as JSON for {@code GET /api/v1/findings/{id}} (detections by id; their detail is for the detections' readers). */
    /** State, deadline in force with its basis, next action: one value from the core for the page and the API. */
    static jp.mamori.remediation.FindingSummary summary(jp.mamori.app.Mamori m, FindingViews.Detail d) {
        long org = d.row().organizationId();
        long id = d.row().id();
        jp.mamori.remediation.StoredDecision current = m.findingHistory().decisions(org, id).stream()
                .filter(jp.mamori.remediation.StoredDecision::current).reduce((a, b) -> b).orElse(null);
        String evidence;
        try {
            evidence = jp.mamori.persistence.StoredJson.MAPPER.writeValueAsString(d.evidence());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            evidence = null;
        }
        return jp.mamori.remediation.FindingSummary.of(d.row(), evidence, current, m.mitigations().list(org, id));
    }

    /** The current query without the page number, for the pager links. */
    static String queryString(HttpServletRequest request) {
        StringBuilder sb = new StringBuilder();
        request.getParameterMap().forEach((k, vs) -> {
            if (k.equals("page") || k.equals("_csrf")) return;
            for (String v : vs) {
                if (v == null || v.isEmpty()) continue;
                sb.append(sb.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v));
            }
        });
        return sb.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/findings/{id}")
    public String detail(@PathVariable("id") long id, AccessScope scope, Locale locale, Model model) {
        FindingViews.Detail d = views.detail(scope, id);
        model.addAttribute("d", d);
        model.addAttribute("f", d.row());
        model.addAttribute("ev", d.evidence());
        Map<?, ?> ev = d.evidence();
        boolean japanese = !"en".equals(locale.getLanguage());
        SsvcView ssvc = SsvcView.of(ev.get("ssvc"));
        model.addAttribute("ssvc", japanese ? EvidenceInJapanese.ssvc(ssvc) : ssvc);
        model.addAttribute("cvssUsed", CvssChoiceView.of(ev.get("cvss")));
        model.addAttribute("cvssHigher", CvssChoiceView.of(ev.get("cvssHigherElsewhere")));
        KevView kev = KevView.of(ev.get("kev"));
        model.addAttribute("kev", japanese ? EvidenceInJapanese.kev(kev) : kev);
        model.addAttribute("epss", EpssView.of(ev.get("epss")));
        MatchView match = MatchView.of(ev.get("match"));
        model.addAttribute("match", japanese ? EvidenceInJapanese.match(match) : match);
        model.addAttribute("component", ComponentView.of(ev.get("component")));
        model.addAttribute("vex", VexView.of(ev.get("vex")));
        model.addAttribute("explanation", EvidenceFields.object(ev.get("explanation")).get(japanese ? "ja" : "en"));
        model.addAttribute("open", jp.mamori.remediation.FindingState.fromKey(d.row().state()).isOpen());
        model.addAttribute("traces", traces(mamori, d));
        model.addAttribute("tracesLinked", jp.mamori.web.detection.DetectionWeb.reads(scope, d.row().organizationId()));
        FindingDecisions panel = decisions.getIfAvailable();
        model.addAttribute("decisionFragment", panel == null ? null : panel.fragment());
        model.addAttribute("decisionFormFragment", panel == null ? null : panel.formFragment());
        DecisionView decision = panel == null ? null : panel.describe(scope, d.row().organizationId(), id);
        model.addAttribute("decision", decision);
        jp.mamori.remediation.FindingSummary summary = summary(mamori, d);
        model.addAttribute("summary", summary);
        // the record of decisions and the checklist open by themselves while the officer has items to do or an approval waits
        boolean approvals = decision != null && !decision.pendingApprovals().isEmpty();
        model.addAttribute("decisionOpen", summary.openMitigationItems() > 0 || approvals
                || model.containsAttribute("mitigationDone") || model.containsAttribute("mitigationProblem"));
        return "findings/detail";
    }
}
