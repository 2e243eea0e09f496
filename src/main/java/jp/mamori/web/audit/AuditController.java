package jp.mamori.web.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.mamori.app.AuditWords;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
import jp.mamori.web.support.WebSetup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 監査ログ: newest first, paged by id. The administrator reads every entry; auditors and the
 * CISO read their organisation's. The chain check covers the whole trail; only the
 * administrator sees its size and the first broken entry (other tenants' volume is not theirs).
 */
@Controller
@PageController
public class AuditController {

    public static final int PAGE = 100;

    private final AuditLog audit;
    private final Tenancy tenancy;

    public AuditController(AuditLog audit, Tenancy tenancy) {
        this.audit = audit;
        this.tenancy = tenancy;
    }

    /** One page of the trail, filtered by actor, action and a date range (days in Asia/Tokyo, both inclusive). */
    @GetMapping("/audit")
    public String page(@RequestParam(name = "actor", required = false) String actor,
                       @RequestParam(name = "action", required = false) String action,
                       @RequestParam(name = "from", required = false) String from,
                       @RequestParam(name = "to", required = false) String to,
                       @RequestParam(name = "page", required = false) Integer page,
                       AccessScope scope, HttpServletRequest request, java.util.Locale locale, Model model) {
        Filter f = filter(scope, request, actor, action, from, to);
        int requested = Math.max(0, page == null ? 0 : page);
        AuditLog.Page result = audit.search(f.query(), requested * PAGE, PAGE);
        int pages = (int) Math.max(1, (result.total() + PAGE - 1) / PAGE);
        int p = Math.min(requested, pages - 1);
        // a page beyond the end (an old link after the filter narrowed) shows the last one; only then a second query
        if (p != requested) result = audit.search(f.query(), p * PAGE, PAGE);
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute("events", result.events().stream().map(e -> new Row(e, AuditWords.action(e.action(), english),
                AuditWords.detail(e.action(), e.detail(), english))).toList());
        model.addAttribute("total", result.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("q", f.query());
        model.addAttribute("fromDay", f.fromDay());
        model.addAttribute("toDay", f.toDay());
        model.addAttribute("actors", audit.actors(f.organizationId()));
        model.addAttribute("actions", AuditWords.actions().stream().map(a -> new Choice(a, AuditWords.action(a, english))).toList());
        model.addAttribute("query", queryString(request));
        model.addAttribute("instanceWide", scope.instanceWide());
        return "audit/list";
    }

    /** An entry as the page shows it: the stored entry with its action and detail in the reader's words. */
    public record Row(AuditEvent event, String actionLabel, String detailText) { }

    public record Choice(String key, String label) { }

    /** The filter as a query string without the page number, for the pager links. */
    private static String queryString(HttpServletRequest request) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("actor", "action", "from", "to")) {
            String v = request.getParameter(k);
            if (v == null || v.isBlank()) continue;
            sb.append(sb.isEmpty() ? "" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** What the page and the API filter by: the reader's organisation (all for the instance), actor, action, Tokyo days. */
    private record Filter(Long organizationId, java.time.LocalDate fromDay, java.time.LocalDate toDay, AuditLog.Query query) { }

    private Filter filter(AccessScope scope, HttpServletRequest request, String actor, String action, String from, String to) {
        Access.require(scope, scope.canReadAudit(), "audit");
        Long orgId = null;
        if (!scope.instanceWide()) {
            Organization org = tenancy.require(scope, request);
            Access.require(scope, scope.canReadAudit(org.id()), "audit");
            orgId = org.id();
        }
        java.time.LocalDate fromDay = day(from, "from");
        java.time.LocalDate toDay = day(to, "to");
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new jp.mamori.web.support.BadRequestException("to の日付が from より前です / to lies before from");
        }
        AuditLog.Query q = AuditLog.query(orgId, orgId == null, actor, action,
                fromDay == null ? null : fromDay.atStartOfDay(WebSetup.TOKYO).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(WebSetup.TOKYO).toInstant());
        return new Filter(orgId, fromDay, toDay, q);
    }

    private static java.time.LocalDate day(String s, String what) {
        if (s == null || s.isBlank()) return null;
        try {
            return java.time.LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new jp.mamori.web.support.BadRequestException(what + " の日付が不正です（YYYY-MM-DD） / " + what + " is not a date (YYYY-MM-DD)");
        }
    }

    @GetMapping("/audit/verify")
    public String verifyPage(AccessScope scope, HttpServletRequest request, Model model) {
        Access.require(scope, scope.canReadAudit(), "audit");
        model.addAttribute("verification", audit.verify());
        return page(null, null, null, null, null, scope, request, org.springframework.context.i18n.LocaleContextHolder.getLocale(), model);
    }

    /**
     * Newest first, 100 a page ({@code before}: entries with a smaller id), filtered like the page: exact
     * actor and action, {@code from}/{@code to} days in Asia/Tokyo (both inclusive). {@code X-Total-Count}:
     * how many entries match (before {@code before}).
     */
    @GetMapping("/api/v1/audit")
    @ResponseBody
    public org.springframework.http.ResponseEntity<List<AuditEvent>> api(@RequestParam(name = "before", required = false) Long before,
                                                                          @RequestParam(name = "actor", required = false) String actor,
                                                                          @RequestParam(name = "action", required = false) String action,
                                                                          @RequestParam(name = "from", required = false) String from,
                                                                          @RequestParam(name = "to", required = false) String to,
                                                                          AccessScope scope, HttpServletRequest request) {
        Filter f = filter(scope, request, actor, action, from, to);
        AuditLog.Page result = audit.search(f.query(), before, 0, PAGE);
        return org.springframework.http.ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total())).body(result.events());
    }

    @GetMapping("/api/v1/audit/verify")
    @ResponseBody
    public Verified verify(AccessScope scope) {
        Access.require(scope, scope.canReadAudit(), "audit");
        AuditLog.Verification v = audit.verify();
        return scope.instanceWide() ? new Chain(v.intact(), v.entries(), v.firstBrokenId(), v.reason()) : new Intact(v.intact());
    }

    /** Whether the audit chain is intact; how many entries and where it broke only for the instance-wide administrator. */
    public sealed interface Verified permits Intact, Chain { }

    public record Intact(boolean intact) implements Verified { }

    @JsonPropertyOrder({"intact", "entries", "firstBrokenId", "reason"})
    public record Chain(boolean intact, long entries, Long firstBrokenId, String reason) implements Verified { }
}
