package jp.mamori.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
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

    @GetMapping("/audit")
    public String page(@RequestParam(name = "before", required = false) Long before, AccessScope scope, HttpServletRequest request, Model model) {
        List<AuditEvent> events = events(scope, request, before);
        model.addAttribute("events", events);
        model.addAttribute("next", events.size() == PAGE ? events.get(events.size() - 1).id() : null);
        model.addAttribute("instanceWide", scope.instanceWide());
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    public String verifyPage(AccessScope scope, HttpServletRequest request, Model model) {
        Access.require(scope, scope.canReadAudit(), "audit");
        model.addAttribute("verification", audit.verify());
        return page(null, scope, request, model);
    }

    @GetMapping("/api/v1/audit")
    @ResponseBody
    public List<AuditEvent> api(@RequestParam(name = "before", required = false) Long before, AccessScope scope, HttpServletRequest request) {
        return events(scope, request, before);
    }

    @GetMapping("/api/v1/audit/verify")
    @ResponseBody
    public Map<String, Object> verify(AccessScope scope) {
        Access.require(scope, scope.canReadAudit(), "audit");
        AuditLog.Verification v = audit.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", v.intact());
        if (scope.instanceWide()) {
            out.put("entries", v.entries());
            out.put("firstBrokenId", v.firstBrokenId());
            out.put("reason", v.reason());
        }
        return out;
    }

    private List<AuditEvent> events(AccessScope scope, HttpServletRequest request, Long before) {
        Access.require(scope, scope.canReadAudit(), "audit");
        if (scope.instanceWide()) return audit.list(null, true, before, PAGE);
        Organization org = tenancy.require(scope, request);
        Access.require(scope, scope.canReadAudit(org.id()), "audit");
        return audit.list(org.id(), false, before, PAGE);
    }
}
