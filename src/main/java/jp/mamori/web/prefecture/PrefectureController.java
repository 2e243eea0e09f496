package jp.mamori.web.prefecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.prefecture.Prefecture;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.PrefectureStatus;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.ForbiddenException;
import jp.mamori.web.support.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * セキュリティクラウド運用状況: the prefecture operator's list of the municipalities it serves, with
 * counts only; a municipality's boundary findings only under its grant (issue 17). Nobody else
 * reaches these paths (404), and the operator reaches nothing else of the municipalities.
 */
@Controller
@PageController
public class PrefectureController {

    private final Mamori mamori;

    public PrefectureController(Mamori mamori) {
        this.mamori = mamori;
    }

    @GetMapping("/prefecture")
    public String page(AccessScope scope, Model model) {
        Access.require(scope, scope.prefectureOperator(), "prefecture");
        model.addAttribute("prefecture", mamori.inventory().organizationById(scope.organizationId()).map(Organization::name).orElse(""));
        model.addAttribute("rows", mamori.prefecture().overview(scope.organizationId()));
        return "prefecture/overview";
    }

    @GetMapping("/api/v1/prefecture/organizations")
    @ResponseBody
    public List<Map<String, Object>> api(AccessScope scope) {
        Access.require(scope, scope.prefectureOperator(), "prefecture");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Prefecture.Overview r : mamori.prefecture().overview(scope.organizationId())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.organizationId());
            m.put("code", r.code());
            m.put("name", r.name());
            m.put("actAttendOnBoundary", r.actAttendBoundary());
            m.put("boundaryAct", r.boundaryAct());
            m.put("overdue", r.overdue());
            m.put("open", r.open());
            m.put("openIncidents", r.openIncidents());
            m.put("readiness", Map.of("red", r.readinessRed(), "amber", r.readinessAmber(), "green", r.readinessGreen()));
            m.put("detailsGrantedUntil", r.grant() == null ? null : r.grant().expiresAt().toString());
            out.add(m);
        }
        return out;
    }

    @GetMapping("/api/v1/prefecture/organizations/{id}/findings")
    @ResponseBody
    public List<PrefectureStatus.Detail> details(@PathVariable("id") long id, AccessScope scope) {
        Access.require(scope, scope.prefectureOperator(), "prefecture");
        try {
            return mamori.prefecture().details(Actor.web(scope.username(), true, false), scope.organizationId(), id);
        } catch (Prefecture.NotGrantedException e) {
            throw new ForbiddenException(e.getMessage());
        }
    }

    @GetMapping("/prefecture/organizations/{id}")
    public String detailsPage(@PathVariable("id") long id, AccessScope scope, Model model) {
        Access.require(scope, scope.prefectureOperator(), "prefecture");
        try {
            model.addAttribute("details", mamori.prefecture().details(Actor.web(scope.username(), false, false), scope.organizationId(), id));
        } catch (Prefecture.NotGrantedException e) {
            throw new ForbiddenException(e.getMessage());
        }
        model.addAttribute("municipality", mamori.inventory().organizationById(id).map(Organization::name).orElse(""));
        return "prefecture/details";
    }
}
