package jp.mamori.web.partners;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.app.partners.AnswerChecklist;
import jp.mamori.app.partners.IssueReadinessReport;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Answer;
import jp.mamori.partners.ChecklistWorkbook;
import jp.mamori.partners.ClauseAnswer;
import jp.mamori.partners.Contract;

import jp.mamori.partners.PartnersException;
import jp.mamori.partners.ReadinessDiff;
import jp.mamori.partners.ReadinessSnapshot;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.NotFoundException;
import jp.mamori.web.support.PageController;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 契約・準備状況: contracts with their flags, a contract's checklist (answered on the page or through
 * the .xlsx round-trip, approved by the security officer), the incident contact list, and the
 * printable readiness report (issued as an immutable snapshot).
 */
@Controller
@PageController
public class PartnersPageController {

    private final PartnersWeb web;

    public PartnersPageController(PartnersWeb web) {
        this.web = web;
    }

    @GetMapping("/partners")
    public String index(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReader(scope, request);
        model.addAttribute("org", o);
        model.addAttribute("contracts", web.contracts(scope, o));
        model.addAttribute("reader", PartnersWeb.reader(scope, o.id()));
        model.addAttribute("canEdit", scope.canWriteOrganization(o.id()));
        model.addAttribute("uncontracted", PartnersWeb.reader(scope, o.id())
                ? web.mamori().partners().flags(o.id(), web.mamori().today()).stream().filter(f -> f.contractCode() == null).toList() : List.of());
        return "partners/index";
    }

    @GetMapping("/partners/vendors")
    public String vendors(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReadiness(scope, request);
        model.addAttribute("vendors", web.mamori().vendors().list(o.id()));
        model.addAttribute("today", web.mamori().today());
        model.addAttribute("canEdit", scope.canWriteOrganization(o.id()));
        return "partners/vendors";
    }

    @GetMapping("/partners/contracts/{code}")
    public String contract(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        model.addAttribute("v", web.view(k));
        model.addAttribute("answers", Answer.values());
        model.addAttribute("canAnswer", scope.canWriteOrganization(o.id()) || scope.role() == jp.mamori.security.Role.VENDOR);
        model.addAttribute("canApprove", scope.canWriteOrganization(o.id()));
        return "partners/contract";
    }

    @PostMapping("/partners/contracts/{code}/answers")
    public String answer(@PathVariable("code") String code, @RequestParam Map<String, String> form, AccessScope scope, HttpServletRequest request,
                         RedirectAttributes redirect) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        boolean proposal = web.answersAsVendor(scope, o);
        List<ClauseAnswer.Given> given = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, ClauseAnswer> current = web.mamori().contracts().answers(k.id());
        for (var item : web.mamori().partners().catalogue().items()) {
            String a = form.get("answer." + item.key());
            if (a == null || a.isBlank()) continue;
            try {
                ClauseAnswer.Given g = new ClauseAnswer.Given(item.key(), Answer.parse(a), form.get("article." + item.key()), form.get("text." + item.key()));
                if (unchanged(g, current.get(item.key()))) continue;  // the form shows every answer; only what the user changed is sent
                given.add(g);
            } catch (PartnersException e) {
                problems.add(item.titleJa() + ": " + e.getMessage());
            }
        }
        try {
            if (!problems.isEmpty()) throw new PartnersException("回答", problems);
            if (given.isEmpty()) throw new PartnersException("変更された回答がありません / no answer was changed");
            AnswerChecklist.Result r = web.mamori().answerChecklist().run(web.actor(scope, false), o.id(), k.code(), given, proposal);
            redirect.addFlashAttribute("done", r.proposed() ? "回答を送信しました（情報セキュリティ担当の承認待ち） / answers sent, awaiting approval"
                    : "回答を記録しました / answers recorded");
        } catch (PartnersException e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        return "redirect:/partners/contracts/" + k.code();
    }

    /** Whether the form's answer is what the page showed (the proposal when one waits, else the reviewed answer). */
    static boolean unchanged(ClauseAnswer.Given g, ClauseAnswer shown) {
        if (shown == null) return false;
        Answer a = shown.pending() ? shown.proposedAnswer() : shown.answer();
        String article = shown.pending() ? shown.proposedArticle() : shown.article();
        String text = shown.pending() ? shown.proposedText() : shown.clauseText();
        return g.answer() == a && java.util.Objects.equals(g.article(), blank(article)) && java.util.Objects.equals(g.clauseText(), blank(text));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @PostMapping("/partners/contracts/{code}/approve")
    public String approve(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request, RedirectAttributes redirect) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        web.requireApprover(scope, o);
        int n = web.mamori().approveChecklist().run(web.actor(scope, false), o.id(), k.code());
        redirect.addFlashAttribute("done", "回答を承認しました（" + n + " 項目） / " + n + " answers approved");
        return "redirect:/partners/contracts/" + k.code();
    }

    @GetMapping("/partners/contracts/{code}/checklist.xlsx")
    public ResponseEntity<byte[]> checklist(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        byte[] bytes = ChecklistWorkbook.write(web.view(k));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("checklist-" + k.code() + ".xlsx").build().toString())
                .body(bytes);
    }

    @PostMapping("/partners/contracts/{code}/checklist")
    public String upload(@PathVariable("code") String code, @RequestParam(name = "file", required = false) MultipartFile file, AccessScope scope,
                         HttpServletRequest request, RedirectAttributes redirect) throws IOException {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        boolean proposal = web.answersAsVendor(scope, o);
        try {
            if (file == null || file.isEmpty()) throw new PartnersException("ファイルを選んでください / choose the filled-in workbook");
            if (file.getSize() > ChecklistWorkbook.MAX_BYTES) {
                throw new PartnersException(file.getOriginalFilename(), List.of("ファイルが大きすぎます（2MBまで） / larger than 2 MB"));
            }
            AnswerChecklist.Result r = web.mamori().answerChecklist().fromWorkbook(web.actor(scope, false), o.id(), k.code(),
                    file.getOriginalFilename(), file.getBytes(), proposal);
            redirect.addFlashAttribute("done", "チェックリストを取り込みました（" + r.answered() + " 項目" + (r.proposed() ? "、承認待ち" : "") + "） / checklist imported");
        } catch (PartnersException e) {
            List<String> p = new ArrayList<>();
            p.add("何も登録していません / nothing was stored");
            p.addAll(e.problems());
            redirect.addFlashAttribute("problems", p);
        }
        return "redirect:/partners/contracts/" + k.code();
    }

    @GetMapping("/partners/contact")
    public String contact(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireContact(scope, request);
        model.addAttribute("org", o);
        model.addAttribute("contacts", web.mamori().partners().contacts(o.id(), web.mamori().today()));
        return "partners/contact";
    }

    @GetMapping("/partners/readiness")
    public String readiness(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReadiness(scope, request);
        model.addAttribute("r", web.mamori().partners().readiness(o.id(), o.code(), o.name(), web.mamori().today()));
        model.addAttribute("reports", web.mamori().readinessReports().list(o.id()));
        model.addAttribute("canIssue", scope.canWriteOrganization(o.id()));
        return "partners/readiness";
    }

    @PostMapping("/partners/readiness")
    public String issue(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireOfficer(scope, request);
        IssueReadinessReport.Result r = web.mamori().issueReadinessReport().run(web.actor(scope, false), o.id());
        return "redirect:/partners/readiness/" + r.snapshot().id();
    }

    @GetMapping("/partners/readiness.xlsx")
    public ResponseEntity<byte[]> readinessXlsx(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        var r = web.mamori().partners().readiness(o.id(), o.code(), o.name(), web.mamori().today());
        return xlsx(jp.mamori.partners.ReadinessWorkbook.write(r, null), "readiness-" + o.code() + "-" + r.asOf() + ".xlsx");
    }

    @GetMapping("/partners/readiness/{id}.xlsx")
    public ResponseEntity<byte[]> reportXlsx(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        ReadinessSnapshot s = web.mamori().readinessReports().find(o.id(), id).orElseThrow(() -> new NotFoundException("no such report"));
        return xlsx(jp.mamori.partners.ReadinessWorkbook.write(s.report(), s), "readiness-" + o.code() + "-" + id + ".xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    /** 体制表: the organisation's, or ({@code ?system=CODE}) the one that holds for an information system, with its own cells marked. */
    @GetMapping("/partners/roles")
    public String roles(@RequestParam(name = "system", required = false) String system, AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReadiness(scope, request);
        List<jp.mamori.partners.SystemRoles> systems = web.mamori().roles().systems(o.id());
        jp.mamori.partners.SystemRoles selected = system == null || system.isBlank() ? null : PartnersWeb.system(web.mamori(), o, system);
        model.addAttribute("m", selected == null ? web.mamori().roles().matrix(o.id()) : selected.effective());
        model.addAttribute("selected", selected);
        model.addAttribute("today", web.mamori().today());
        model.addAttribute("systems", systems);
        model.addAttribute("phases", jp.mamori.partners.Phase.values());
        model.addAttribute("parties", jp.mamori.partners.Party.values());
        model.addAttribute("vendors", web.mamori().vendors().list(o.id()));
        model.addAttribute("canEdit", scope.canWriteOrganization(o.id()));
        return "partners/roles";
    }

    private static String rolesPage(String system) {
        return system == null || system.isBlank() ? "redirect:/partners/roles"
                : "redirect:/partners/roles?system=" + java.net.URLEncoder.encode(system.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping("/partners/roles")
    public String assign(@RequestParam(name = "phase", required = false) String phase, @RequestParam(name = "party", required = false) String party,
                         @RequestParam(name = "raci", required = false) String raci, @RequestParam(name = "vendor", required = false) String vendor,
                         @RequestParam(name = "system", required = false) String system,
                         AccessScope scope, HttpServletRequest request, RedirectAttributes redirect) {
        Organization o = web.requireOfficer(scope, request);
        boolean ofSystem = system != null && !system.isBlank();
        try {
            jp.mamori.partners.Phase ph = jp.mamori.partners.Phase.parse(phase);
            jp.mamori.partners.Party pa = jp.mamori.partners.Party.parse(party);
            String v = vendor == null || vendor.isBlank() ? null : vendor;
            if (!ofSystem) {
                web.mamori().assignRole().run(web.actor(scope, false), o.id(), ph, pa, raci, v);
            } else if (raci == null || raci.isBlank()) {
                web.mamori().assignSystemRole().clear(web.actor(scope, false), o.id(), system, ph, pa);
            } else {
                web.mamori().assignSystemRole().set(web.actor(scope, false), o.id(), system, ph, pa, raci, v);
            }
            redirect.addFlashAttribute("done", "体制表を更新しました / role matrix updated");
        } catch (PartnersException e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
            // an unknown system: back to the organisation's page with the problem, not to a page that cannot be shown
            if (ofSystem && web.mamori().roles().system(o.id(), system).isEmpty()) return rolesPage(null);
        }
        return rolesPage(system);
    }

    @PostMapping("/partners/roles/drills")
    public String drill(@RequestParam(name = "date", required = false) String date, @RequestParam(name = "title", required = false) String title,
                        @RequestParam(name = "findings", required = false) String findings, @RequestParam(name = "system", required = false) String system,
                        AccessScope scope, HttpServletRequest request, RedirectAttributes redirect) {
        Organization o = web.requireOfficer(scope, request);
        boolean ofSystem = system != null && !system.isBlank();
        try {
            java.time.LocalDate d;
            try {
                d = date == null || date.isBlank() ? null : java.time.LocalDate.parse(date.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new PartnersException("訓練日は YYYY-MM-DD で入力してください / the drill date must be YYYY-MM-DD");
            }
            web.mamori().recordDrill().run(web.actor(scope, false), o.id(), ofSystem ? system : null, d, title, findings);
            redirect.addFlashAttribute("done", "訓練を記録しました / drill recorded");
        } catch (PartnersException e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
            if (ofSystem && web.mamori().roles().system(o.id(), system).isEmpty()) return rolesPage(null);
        }
        return rolesPage(system);
    }

    @GetMapping("/partners/readiness/{id}")
    public String report(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireReadiness(scope, request);
        ReadinessSnapshot s = web.mamori().readinessReports().find(o.id(), id).orElseThrow(() -> new NotFoundException("no such report"));
        model.addAttribute("r", s.report());
        model.addAttribute("snapshot", s);
        model.addAttribute("diff", ReadinessDiff.between(web.mamori().readinessReports().previous(o.id(), id).orElse(null), s));
        model.addAttribute("reports", List.of());
        model.addAttribute("canIssue", false);
        return "partners/readiness";
    }

}
