package jp.mamori.web.admin;

import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.security.CreateTenant;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 団体の管理 (tenant administration, issue 17): the instance administrator lists the organisations
 * and creates one together with its first security officer, whose one-time password is shown once
 * (on the response, never in a session). Nobody else reaches these paths (404).
 */
@Controller
@PageController
public class AdminOrganizationsController {

    private final Mamori mamori;
    private final CreateTenant createTenant;

    public AdminOrganizationsController(Mamori mamori, CreateTenant createTenant) {
        this.mamori = mamori;
        this.createTenant = createTenant;
    }

    public record NewTenant(String code, String name, String kind, String officer) { }

    @GetMapping("/admin/organizations")
    public String page(AccessScope scope, Model model) {
        Access.require(scope, scope.instanceWide(), "organizations");
        model.addAttribute("orgs", mamori.inventory().listOrganizations());
        return "admin/organizations";
    }

    @PostMapping("/admin/organizations")
    public String create(AccessScope scope, @RequestParam(name = "code", required = false) String code, @RequestParam(name = "name", required = false) String name,
                         @RequestParam(name = "kind", required = false) String kind, @RequestParam(name = "officer", required = false) String officer, Model model) {
        Access.require(scope, scope.instanceWide(), "organizations");
        try {
            CreateTenant.Created created = createTenant(scope, new NewTenant(code, name, kind, officer));
            model.addAttribute("created", created);
        } catch (BadRequestException e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("orgs", mamori.inventory().listOrganizations());
        return "admin/organizations";
    }

    @GetMapping("/api/v1/admin/organizations")
    @ResponseBody
    public List<Organization> api(AccessScope scope) {
        Access.require(scope, scope.instanceWide(), "organizations");
        return mamori.inventory().listOrganizations();
    }

    @PostMapping("/api/v1/admin/organizations")
    @ResponseBody
    public ResponseEntity<CreateTenant.Created> apiCreate(AccessScope scope, @RequestBody NewTenant in) {
        Access.require(scope, scope.instanceWide(), "organizations");
        return ResponseEntity.status(HttpStatus.CREATED).body(createTenant(scope, in));
    }

    /** One use case, one unit of work: a refused step leaves neither the organisation nor its officer (issue 17). */
    private CreateTenant.Created createTenant(AccessScope scope, NewTenant in) {
        if (in == null) throw new BadRequestException("団体コード、名称、最初の情報セキュリティ担当のユーザー名が必要です / code, name and the first security officer's user name are required");
        CreateTenant.Created created;
        try {
            created = createTenant.run(Actor.web(scope.username(), false, false), in.code(), in.name(), in.kind(), in.officer());
        } catch (InvalidInputException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        return created;
    }
}
