package jp.mamori.web.prefecture;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
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
    public List<Served> api(AccessScope scope) {
        Access.require(scope, scope.prefectureOperator(), "prefecture");
        return mamori.prefecture().overview(scope.organizationId()).stream().map(Served::of).toList();
    }

    /** A served municipality's counts (what the operator always sees) and, while a grant is in force, until when its details are. */
    @JsonPropertyOrder({"id", "code", "name", "actAttendOnBoundary", "boundaryAct", "overdue", "open", "openIncidents", "readiness",
            "detailsGrantedUntil"})
    public record Served(long id, String code, String name, long actAttendOnBoundary, long boundaryAct, long overdue, long open,
                         long openIncidents, Readiness readiness, String detailsGrantedUntil) {
        static Served of(Prefecture.Overview r) {
            return new Served(r.organizationId(), r.code(), r.name(), r.actAttendBoundary(), r.boundaryAct(), r.overdue(), r.open(),
                    r.openIncidents(), new Readiness(r.readinessRed(), r.readinessAmber(), r.readinessGreen()),
                    r.grant() == null ? null : r.grant().expiresAt().toString());
        }
    }

    /** How many countermeasures of today's readiness report are 要対応, 要注意 and 良好. */
    @JsonPropertyOrder({"red", "amber", "green"})
    public record Readiness(long red, long amber, long green) { }

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
