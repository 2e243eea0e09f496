package jp.mamori.web.partners;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.app.partners.AnswerChecklist;
import jp.mamori.app.partners.IssueReadinessReport;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Answer;
import jp.mamori.partners.ClauseAnswer;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractView;
import jp.mamori.partners.Flag;
import jp.mamori.partners.ReadinessDiff;
import jp.mamori.partners.ReadinessSnapshot;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/partners/...}: vendors, contracts (checklist, flags, answers), contact list, readiness reports. */
@RestController
public class PartnersApiController {

    private final PartnersWeb web;

    public PartnersApiController(PartnersWeb web) {
        this.web = web;
    }

    @GetMapping("/api/v1/partners/vendors")
    public List<?> vendors(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        return web.mamori().vendors().list(o.id());
    }

    /** A vendor as JSON (the fields given are set, the others kept). */
    public record VendorJson(String name, String corporateNumber, String kind, String contactPerson, String phone, String email, String hotline,
                             String serviceCategory, String registrationNumber, String registrationValidUntil, Integer callOrder) { }

    @PostMapping("/api/v1/partners/vendors")
    @ResponseStatus(HttpStatus.CREATED)
    public Object saveVendor(@RequestBody(required = false) VendorJson b, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireOfficer(scope, request);
        if (b == null) throw new BadRequestException("事業者を指定してください / send a vendor");
        jp.mamori.partners.VendorStore.Input in = new jp.mamori.partners.VendorStore.Input(b.name(), b.corporateNumber(),
                b.kind() == null ? null : jp.mamori.partners.VendorKind.parse(b.kind()), b.contactPerson(), b.phone(), b.email(), b.hotline(),
                b.serviceCategory() == null ? null : jp.mamori.partners.ServiceCategory.parse(b.serviceCategory()), b.registrationNumber(),
                date(b.registrationValidUntil(), "registrationValidUntil"), b.callOrder());
        return web.mamori().saveVendor().run(web.actor(scope, true), o.id(), in);
    }

    /** A contract as JSON: vendor by name, systems and assets by code. */
    public record ContractJson(String code, String title, String vendor, String kind, String status, String startsOn, String endsOn, String renewalOn,
                               Boolean coversNetworkDevices, Integer patchCapPerYear, List<String> systems, List<String> assets) { }

    @PostMapping("/api/v1/partners/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.ContractSummary saveContract(@RequestBody(required = false) ContractJson b, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireOfficer(scope, request);
        if (b == null) throw new BadRequestException("契約を指定してください / send a contract");
        Contract k = web.mamori().saveContract().run(web.actor(scope, true), o.id(), new jp.mamori.app.partners.SaveContract.Input(b.code(), b.title(),
                b.vendor(), jp.mamori.partners.ContractKind.parse(b.kind() == null ? "maintenance" : b.kind()),
                jp.mamori.partners.ContractStatus.parse(b.status() == null ? "active" : b.status()), date(b.startsOn(), "startsOn"), date(b.endsOn(), "endsOn"),
                date(b.renewalOn(), "renewalOn"), Boolean.TRUE.equals(b.coversNetworkDevices()), b.patchCapPerYear(), b.systems(), b.assets()));
        return PartnersJson.ContractSummary.of(web.view(k));
    }

    /** The contract document (multipart field "file"): PDF or Office, ≤ 20 MB, recognised by content, stored with its SHA-256. */
    @PostMapping("/api/v1/partners/contracts/{code}/document")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.Attached attach(@PathVariable("code") String code, @org.springframework.web.bind.annotation.RequestParam(name = "file", required = false)
                                      org.springframework.web.multipart.MultipartFile file, AccessScope scope, HttpServletRequest request) throws java.io.IOException {
        Organization o = web.requireOfficer(scope, request);
        Contract k = web.contract(scope, o, code);
        if (file == null || file.isEmpty()) throw new BadRequestException("ファイルを送ってください / send the document as multipart field 'file'");
        jp.mamori.partners.ContractDocument d = web.mamori().attachContractDocument().run(web.actor(scope, true), o.id(), k.code(),
                file.getOriginalFilename(), PartnersFormsController.bounded(file));
        return new PartnersJson.Attached(k.code(), d.name(), d.type(), d.bytes().length, d.sha256());
    }

    @GetMapping("/api/v1/partners/contracts/{code}/document")
    public org.springframework.http.ResponseEntity<byte[]> document(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request) {
        Organization o = web.org(scope, request);
        return PartnersFormsController.documentResponse(web, o, web.contract(scope, o, code));
    }

    /** The signed NDA of a vendor (multipart: signed, expires, and optionally the document "file", whose SHA-256 is kept). */
    @PostMapping("/api/v1/partners/vendors/{id}/nda")
    public Object nda(@PathVariable("id") long id, @org.springframework.web.bind.annotation.RequestParam(name = "signed", required = false) String signed,
                      @org.springframework.web.bind.annotation.RequestParam(name = "expires", required = false) String expires,
                      @org.springframework.web.bind.annotation.RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                      AccessScope scope, HttpServletRequest request) throws java.io.IOException {
        Organization o = web.requireOfficer(scope, request);
        jp.mamori.partners.Vendor v = web.mamori().vendors().byId(o.id(), id).orElseThrow(() -> new NotFoundException("no such vendor"));
        byte[] bytes = file == null || file.isEmpty() ? null : PartnersFormsController.bounded(file);
        return web.mamori().recordNda().run(web.actor(scope, true), o.id(), v.name(), date(signed, "signed"), date(expires, "expires"),
                file == null ? null : file.getOriginalFilename(), bytes);
    }

    static java.time.LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return java.time.LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException(field + " は YYYY-MM-DD です / " + field + " must be a date (YYYY-MM-DD)");
        }
    }

    @GetMapping("/api/v1/partners/contracts")
    public List<PartnersJson.ContractSummary> contracts(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        return web.contracts(scope, o).stream().map(PartnersJson.ContractSummary::of).toList();
    }

    @GetMapping("/api/v1/partners/contracts/{code}")
    public ContractView contract(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request) {
        Organization o = web.org(scope, request);
        return web.view(web.contract(scope, o, code));
    }

    @GetMapping("/api/v1/partners/flags")
    public List<Flag> flags(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReader(scope, request);
        if (PartnersWeb.reader(scope, o.id())) return web.mamori().partners().flags(o.id(), web.mamori().today());
        List<Flag> out = new ArrayList<>();
        for (ContractView v : web.contracts(scope, o)) out.addAll(v.flags());
        return out;
    }

    /** One answer as JSON: {@code {"item": "no-patch-cap", "answer": "absent", "article": "第12条", "text": "..."}}. */
    public record AnswerJson(String item, String answer, String article, String text) { }

    @PostMapping("/api/v1/partners/contracts/{code}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.Answered answer(@PathVariable("code") String code, @RequestBody(required = false) List<AnswerJson> body, AccessScope scope,
                                      HttpServletRequest request) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        boolean proposal = web.answersAsVendor(scope, o);
        if (body == null || body.isEmpty()) throw new BadRequestException("回答がありません / no answers: send [{\"item\": …, \"answer\": …}]");
        List<ClauseAnswer.Given> given = new ArrayList<>();
        for (AnswerJson a : body) given.add(new ClauseAnswer.Given(a.item(), Answer.parse(a.answer()), a.article(), a.text()));
        AnswerChecklist.Result r = web.mamori().answerChecklist().run(web.actor(scope, true), o.id(), k.code(), given, proposal);
        return new PartnersJson.Answered(k.code(), r.answered(), r.proposed());
    }

    @PostMapping("/api/v1/partners/contracts/{code}/approve")
    public PartnersJson.Approved approve(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        web.requireApprover(scope, o);
        return new PartnersJson.Approved(k.code(), web.mamori().approveChecklist().run(web.actor(scope, true), o.id(), k.code()));
    }

    /**
     * The organisation's role matrix with each system's summary, or ({@code ?system=CODE}) the
     * matrix that holds for one information system: the organisation's cells with the system's own
     * laid over them, its own cells, its gaps and the drills that count for it.
     */
    @GetMapping("/api/v1/partners/roles")
    public PartnersJson.Roles roles(@org.springframework.web.bind.annotation.RequestParam(name = "system", required = false) String system,
                                     AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        if (system != null && !system.isBlank()) return systemJson(PartnersWeb.system(web.mamori(), o, system));
        jp.mamori.partners.RoleMatrix m = web.mamori().roles().matrix(o.id());
        List<PartnersJson.SystemSummary> systems = web.mamori().roles().systems(o.id()).stream().map(PartnersJson.SystemSummary::of).toList();
        return new PartnersJson.Matrix(m.assignments(), m.gaps(), m.drills(), systems);
    }

    static PartnersJson.SystemMatrix systemJson(jp.mamori.partners.SystemRoles s) {
        return PartnersJson.SystemMatrix.of(s);
    }

    /**
     * One cell of the role matrix: {@code {"phase": "evidence", "party": "ir-partner", "raci": "R", "vendor": "E社"}}; an empty raci
     * clears it. With {@code "system": "telework"} the cell is the system's own ({@code "raci": "-"}: no role in that system; an
     * empty raci: the organisation's cell applies to the system again).
     */
    public record RoleJson(String phase, String party, String raci, String vendor, String system) { }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/partners/roles")
    public PartnersJson.Roles assign(@RequestBody(required = false) RoleJson body, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireOfficer(scope, request);
        if (body == null) throw new BadRequestException("phase, party, raci を指定してください / give phase, party, raci");
        jp.mamori.partners.Phase phase = jp.mamori.partners.Phase.parse(body.phase());
        jp.mamori.partners.Party party = jp.mamori.partners.Party.parse(body.party());
        String vendor = body.vendor() == null || body.vendor().isBlank() ? null : body.vendor();
        if (body.system() != null && !body.system().isBlank()) {
            jp.mamori.app.partners.AssignSystemRole use = web.mamori().assignSystemRole();
            return systemJson(body.raci() == null || body.raci().isBlank() ? use.clear(web.actor(scope, true), o.id(), body.system(), phase, party)
                    : use.set(web.actor(scope, true), o.id(), body.system(), phase, party, body.raci(), vendor));
        }
        jp.mamori.partners.RoleMatrix m = web.mamori().assignRole().run(web.actor(scope, true), o.id(), phase, party, body.raci(), vendor);
        return new PartnersJson.Assigned(m.assignments(), m.gaps());
    }

    @GetMapping("/api/v1/partners/contact")
    public List<?> contact(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireContact(scope, request);
        return web.mamori().partners().contacts(o.id(), web.mamori().today());
    }

    @GetMapping("/api/v1/partners/readiness")
    public Object readiness(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        return web.mamori().partners().readiness(o.id(), o.code(), o.name(), web.mamori().today());
    }

    @PostMapping("/api/v1/partners/readiness")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.Report issue(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireOfficer(scope, request);
        IssueReadinessReport.Result r = web.mamori().issueReadinessReport().run(web.actor(scope, true), o.id());
        return PartnersJson.Report.of(r.snapshot(), r.diff());
    }

    @GetMapping("/api/v1/partners/readiness/reports")
    public List<PartnersJson.Issued> reports(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        return web.mamori().readinessReports().list(o.id()).stream().map(PartnersJson.Issued::of).toList();
    }

    @GetMapping("/api/v1/partners/readiness/reports/{id}")
    public PartnersJson.Report report(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        ReadinessSnapshot s = web.mamori().readinessReports().find(o.id(), id).orElseThrow(() -> new NotFoundException("no such report"));
        return PartnersJson.Report.of(s, ReadinessDiff.between(web.mamori().readinessReports().previous(o.id(), id).orElse(null), s));
    }
}
