package jp.mamori.web.prefecture;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.PrefectureStatus;
import jp.mamori.security.AccessScope;
import jp.mamori.security.Role;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.NotFoundException;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 都道府県への閲覧許可 (issue 17): a municipality lets the operators of the prefecture's security cloud
 * that serves it read its boundary findings for a limited time, and takes it back. The page and the
 * API are bound to the caller's own organisation (the instance administrator's chosen one): the
 * security officer grants and revokes, the auditor reads; a grant of another organisation is not found
 * (404). The same use case as {@code mamori prefecture grant|revoke} ({@link jp.mamori.app.prefecture.Prefecture}),
 * which writes the audit entry of every change.
 */
@Controller
@PageController
public class GrantsController {

    private final Mamori mamori;
    private final Tenancy tenancy;

    public GrantsController(Mamori mamori, Tenancy tenancy) {
        this.mamori = mamori;
        this.tenancy = tenancy;
    }

    public record NewGrant(String prefecture, Integer days, String reason) { }

    /** A grant as the page and the API show it. */
    public record GrantView(long id, String prefectureCode, String prefectureName, String reason, String grantedBy, String grantedAt,
                            String expiresAt, String revokedBy, String revokedAt, boolean active) { }

    @GetMapping("/grants")
    public String page(AccessScope scope, HttpServletRequest request, Model model) {
        Organization org = readable(scope, request);
        return render(model, scope, org, null, new LinkedHashMap<>());
    }

    @PostMapping("/grants")
    public String grant(@RequestParam(name = "prefecture", required = false) String prefecture, @RequestParam(name = "days", required = false) String days,
                        @RequestParam(name = "reason", required = false) String reason, AccessScope scope, HttpServletRequest request,
                        HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Organization org = writable(scope, request);
        try {
            PrefectureStatus.Grant g = mamori.prefecture().grant(actor(scope, false), org.code(), prefectureCode(org, prefecture), days(days), reason);
            redirect.addFlashAttribute("done", "閲覧を許可しました（許可 " + g.id() + "） / access granted (grant " + g.id() + ")");
            return "redirect:/grants";
        } catch (InvalidInputException | BadRequestException e) {
            response.setStatus(400);
            Map<String, String> echo = new LinkedHashMap<>();
            echo.put("prefecture", prefecture);
            echo.put("days", days);
            echo.put("reason", reason);
            return render(model, scope, org, e.getMessage(), echo);
        }
    }

    @PostMapping("/grants/{id}/revoke")
    public String revoke(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request, HttpServletResponse response, Model model,
                         RedirectAttributes redirect) {
        Organization org = writable(scope, request);
        own(org, id);
        try {
            mamori.prefecture().revoke(actor(scope, false), id, org.id());
            redirect.addFlashAttribute("done", "許可 " + id + " を取り消しました / grant " + id + " revoked");
            return "redirect:/grants";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return render(model, scope, org, e.getMessage(), new LinkedHashMap<>());
        }
    }

    @GetMapping("/api/v1/grants")
    @ResponseBody
    public Grants api(AccessScope scope, HttpServletRequest request) {
        Organization org = readable(scope, request);
        return new Grants(org.code(), mamori.prefecture().servingPrefectures(org.id()).stream()
                .map(p -> new Grants.Prefecture(p.code(), p.name())).toList(), views(org));
    }

    /** The organisation's code, the prefectures that serve it and the grants it has given them. */
    @JsonPropertyOrder({"organization", "prefectures", "grants"})
    public record Grants(String organization, List<Prefecture> prefectures, List<GrantView> grants) {
        @JsonPropertyOrder({"code", "name"})
        public record Prefecture(String code, String name) { }
    }

    @PostMapping("/api/v1/grants")
    @ResponseBody
    public ResponseEntity<GrantView> apiGrant(@RequestBody NewGrant in, AccessScope scope, HttpServletRequest request) {
        Organization org = writable(scope, request);
        if (in == null) throw new BadRequestException("内容がありません / no body");
        try {
            PrefectureStatus.Grant g = mamori.prefecture().grant(actor(scope, true), org.code(), prefectureCode(org, in.prefecture()),
                    in.days() == null ? 7 : in.days(), in.reason());
            return ResponseEntity.status(HttpStatus.CREATED).body(view(g));
        } catch (InvalidInputException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
    }

    @PostMapping("/api/v1/grants/{id}/revoke")
    @ResponseBody
    public GrantView apiRevoke(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request) {
        Organization org = writable(scope, request);
        own(org, id);
        try {
            mamori.prefecture().revoke(actor(scope, true), id, org.id());
        } catch (InvalidInputException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        return views(org).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    // ---- helpers

    /** The organisation's readers: the administrator (chosen organisation), its security officers and auditors. */
    private Organization readable(AccessScope scope, HttpServletRequest request) {
        Access.require(scope, scope.role() == Role.ADMIN || scope.role() == Role.SECURITY_OFFICER || scope.role() == Role.AUDITOR, "grants");
        Organization org = tenancy.require(scope, request);
        Access.require(scope, scope.canReadAllOf(org.id()), "grants");
        return org;
    }

    /** Who grants and revokes: the organisation's security officer, or the administrator for the chosen organisation. */
    private Organization writable(AccessScope scope, HttpServletRequest request) {
        Organization org = readable(scope, request);
        if (!scope.canWriteOrganization(org.id())) throw new jp.mamori.web.support.ForbiddenException("監査担当は許可を変更できません / read-only");
        return org;
    }

    /** A grant of another organisation reads as absent. */
    private void own(Organization org, long id) {
        if (mamori.prefecture().grantsOf(org.id()).stream().noneMatch(g -> g.id() == id)) throw new NotFoundException("no such grant");
    }

    /** The prefecture chosen: one that serves this organisation (the only one when there is one). */
    private String prefectureCode(Organization org, String chosen) {
        List<Organization> serving = mamori.prefecture().servingPrefectures(org.id());
        if (serving.isEmpty()) throw new BadRequestException("この団体を担当する都道府県セキュリティクラウドがありません / no prefecture serves this organisation");
        if (chosen == null || chosen.isBlank()) {
            if (serving.size() == 1) return serving.get(0).code();
            throw new BadRequestException("都道府県を選んでください / choose the prefecture");
        }
        return serving.stream().map(Organization::code).filter(c -> c.equals(chosen.strip())).findFirst()
                .orElseThrow(() -> new BadRequestException("この団体を担当する都道府県ではありません / that prefecture does not serve this organisation"));
    }

    private static int days(String s) {
        if (s == null || s.isBlank()) return 7;
        if (!s.strip().matches("\\d{1,4}")) throw new BadRequestException("許可の日数は数字で入力してください / the number of days is a number");
        return Integer.parseInt(s.strip());
    }

    private static Actor actor(AccessScope scope, boolean api) {
        return Actor.web(scope.username(), api, true);
    }

    private String render(Model model, AccessScope scope, Organization org, String problem, Map<String, String> echo) {
        model.addAttribute("organization", org);
        model.addAttribute("grants", views(org));
        model.addAttribute("prefectures", mamori.prefecture().servingPrefectures(org.id()));
        model.addAttribute("canWrite", scope.canWriteOrganization(org.id()));
        model.addAttribute("maxDays", jp.mamori.app.prefecture.Prefecture.MAX_GRANT_DAYS);
        model.addAttribute("problem", problem);
        model.addAttribute("f", echo);
        return "prefecture/grants";
    }

    private List<GrantView> views(Organization org) {
        List<GrantView> out = new ArrayList<>();
        for (PrefectureStatus.Grant g : mamori.prefecture().grantsOf(org.id())) out.add(view(g));
        return out;
    }

    private GrantView view(PrefectureStatus.Grant g) {
        Organization p = mamori.inventory().organizationById(g.prefectureId()).orElse(null);
        return new GrantView(g.id(), p == null ? "" : p.code(), p == null ? "" : p.name(), g.reason(), g.grantedBy(), iso(g.grantedAt()),
                iso(g.expiresAt()), g.revokedBy(), iso(g.revokedAt()), g.activeAt(mamori.clock().instant()));
    }

    private static String iso(java.time.Instant t) {
        return t == null ? null : t.atZone(jp.mamori.web.support.WebSetup.TOKYO).toOffsetDateTime().withNano(0).toString();
    }
}
