package jp.mamori.web.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.AssetFlag;
import jp.mamori.security.AccessScope;
import jp.mamori.web.findings.FindingJson;
import jp.mamori.web.support.Fmt;
import jp.mamori.web.support.OrganizationRef;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The landing page 「今すぐ対応」 and its JSON twin {@code /api/v1/dashboard}. */
@Controller
@PageController
public class DashboardController {

    private final Dashboard dashboard;
    private final Tenancy tenancy;
    private final Fmt fmt;
    private final jp.mamori.app.Mamori mamori;

    public DashboardController(Dashboard dashboard, Tenancy tenancy, Fmt fmt, jp.mamori.app.Mamori mamori) {
        this.dashboard = dashboard;
        this.tenancy = tenancy;
        this.fmt = fmt;
        this.mamori = mamori;
    }

    /**
     * Contract flags next to the urgent findings (issue 14), by asset code — only for assets whose
     * rows the caller already sees, each explained for that asset (never a contract's full
     * explanation, which may name other assets).
     */
    private Map<String, java.util.List<AssetFlag>> partnerFlags(Organization org, Dashboard.View v) {
        java.util.Set<String> shown = new java.util.HashSet<>();
        v.urgent().forEach(f -> shown.add(f.assetCode()));
        Map<String, java.util.List<AssetFlag>> out = new LinkedHashMap<>();
        for (var e : mamori.partners().flagsByAsset(org.id(), fmt.today()).entrySet()) {
            if (!shown.contains(e.getKey())) continue;
            for (var f : e.getValue()) {
                AssetFlag a = AssetFlag.of(f);
                java.util.List<AssetFlag> l = out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>());
                if (l.stream().noneMatch(x -> x.label().equals(a.label()))) l.add(a);
            }
        }
        return out;
    }

    /** Open incidents (issue 15) for those who may read them, else null (the card is not shown). */
    private Long openIncidents(AccessScope scope, Organization org) {
        return jp.mamori.web.detection.DetectionWeb.reads(scope, org.id()) ? mamori.detections().openIncidents(org.id()) : null;
    }

    @GetMapping("/")
    public String page(AccessScope scope, HttpServletRequest request, Locale locale, Model model) {
        Organization org = tenancy.current(scope, request).orElse(null);
        if (org != null) {
            Dashboard.View v = dashboard.build(scope, org.id(), fmt.today(), locale);
            model.addAttribute("v", v);
            model.addAttribute("partnerFlags", partnerFlags(org, v));
            model.addAttribute("showContact", scope.role() != jp.mamori.security.Role.VENDOR);
            model.addAttribute("openIncidents", openIncidents(scope, org));
        }
        return "dashboard/index";
    }

    @GetMapping("/api/v1/dashboard")
    @ResponseBody
    public DashboardJson api(AccessScope scope, HttpServletRequest request, Locale locale) {
        Organization org = tenancy.require(scope, request);
        Dashboard.View v = dashboard.build(scope, org.id(), fmt.today(), locale);
        Map<String, java.util.List<AssetFlag>> flags = partnerFlags(org, v);
        DashboardJson.Counts counts = new DashboardJson.Counts(v.counts().get("act"), v.counts().get("attend"), v.counts().get("track-star"),
                v.counts().get("track"), v.overdue(), v.boundaryAct(), v.summary().open(), v.summary().candidates(), openIncidents(scope, org));
        return new DashboardJson(OrganizationRef.of(org), fmt.today().toString(), counts,
                v.urgent().stream().map(f -> new DashboardJson.Urgent(FindingJson.row(f, fmt.today()), v.explanations().get(f.id()),
                        DashboardJson.ShortReason.of(v.reasons().get(f.id())), flags.getOrDefault(f.assetCode(), java.util.List.of()))).toList(),
                v.feedsUpdated() == null ? null : v.feedsUpdated().toString());
    }
}
