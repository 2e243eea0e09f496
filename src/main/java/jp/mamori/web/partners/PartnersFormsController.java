package jp.mamori.web.partners;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.partners.SaveContract;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractDocument;
import jp.mamori.partners.ContractKind;
import jp.mamori.partners.ContractStatus;
import jp.mamori.partners.PartnersException;
import jp.mamori.partners.ServiceCategory;
import jp.mamori.partners.Vendor;
import jp.mamori.partners.VendorKind;
import jp.mamori.partners.VendorStore;
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
 * The security officer's forms: vendors (法人番号, contacts with the 24-hour line, kind, IR
 * registration), contracts (kind, period, renewal, covered systems and assets, status), the contract
 * document and the signed NDA (uploads checked by {@link ContractDocument}: bounded, sniffed,
 * hashed). A refused form is shown again with what was entered and every problem; nothing of it
 * is stored. Forms carry Spring Security's CSRF token; everything saved is audited by the use case.
 */
@Controller
@PageController
public class PartnersFormsController {

    private final PartnersWeb web;

    public PartnersFormsController(PartnersWeb web) {
        this.web = web;
    }

    // ---- vendors

    @GetMapping("/partners/vendors/new")
    public String newVendor(AccessScope scope, HttpServletRequest request, Model model) {
        web.requireOfficer(scope, request);
        return vendorForm(model, null, Map.of(), List.of());
    }

    @GetMapping("/partners/vendors/{id}/edit")
    public String editVendor(@PathVariable("id") long id, AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireOfficer(scope, request);
        Vendor v = vendor(o, id);
        return vendorForm(model, v, fields(v), List.of());
    }

    @PostMapping("/partners/vendors")
    public String createVendor(@RequestParam Map<String, String> form, AccessScope scope, HttpServletRequest request, HttpServletResponse response,
                               Model model, RedirectAttributes redirect) {
        Organization o = web.requireOfficer(scope, request);
        try {
            VendorStore.Input in = vendorInput(form, null);
            if (web.mamori().vendors().find(o.id(), in.name()).isPresent()) {
                throw new PartnersException("事業者「" + in.name() + "」は登録済みです。一覧の「編集」から変更してください / vendor '" + in.name() + "' exists: edit it instead");
            }
            Vendor v = web.mamori().saveVendor().run(web.actor(scope, false), o.id(), in, true);
            redirect.addFlashAttribute("done", "事業者を登録しました / vendor saved: " + v.name());
            return "redirect:/partners/vendors";
        } catch (PartnersException e) {
            response.setStatus(400);
            return vendorForm(model, null, form, e.problems());
        }
    }

    @PostMapping("/partners/vendors/{id}")
    public String updateVendor(@PathVariable("id") long id, @RequestParam Map<String, String> form, AccessScope scope, HttpServletRequest request,
                               HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Organization o = web.requireOfficer(scope, request);
        Vendor v = vendor(o, id);
        try {
            Vendor saved = web.mamori().saveVendor().run(web.actor(scope, false), o.id(), vendorInput(form, v.name()), true);
            redirect.addFlashAttribute("done", "事業者を更新しました / vendor updated: " + saved.name());
            return "redirect:/partners/vendors";
        } catch (PartnersException e) {
            response.setStatus(400);
            return vendorForm(model, v, form, e.problems());
        }
    }

    /** The signed NDA: dates and (when given) the document, whose SHA-256 is kept. */
    @PostMapping("/partners/vendors/{id}/nda")
    public String nda(@PathVariable("id") long id, @RequestParam(name = "signed", required = false) String signed,
                      @RequestParam(name = "expires", required = false) String expires, @RequestParam(name = "file", required = false) MultipartFile file,
                      AccessScope scope, HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        Organization o = web.requireOfficer(scope, request);
        Vendor v = vendor(o, id);
        try {
            byte[] bytes = file == null || file.isEmpty() ? null : bounded(file);
            Vendor saved = web.mamori().recordNda().run(web.actor(scope, false), o.id(), v.name(), date(signed, "締結日", "signed"), date(expires, "期限", "expires"),
                    file == null ? null : file.getOriginalFilename(), bytes);
            redirect.addFlashAttribute("done", "NDA を記録しました / NDA recorded: " + saved.name() + " " + saved.ndaState(web.mamori().today())
                    + (saved.ndaSha256() == null ? "" : " SHA-256 " + saved.ndaSha256()));
            return "redirect:/partners/vendors";
        } catch (PartnersException e) {
            response.setStatus(400);
            Map<String, String> f = fields(v);
            return vendorForm(model, v, f, withNothingStored(e));
        }
    }

    private String vendorForm(Model model, Vendor v, Map<String, String> values, List<String> problems) {
        model.addAttribute("vendor", v);
        model.addAttribute("f", values);
        model.addAttribute("problems", problems.isEmpty() ? null : problems);
        model.addAttribute("kinds", VendorKind.values());
        model.addAttribute("categories", ServiceCategory.values());
        model.addAttribute("today", web.mamori().today());
        model.addAttribute("maxMb", ContractDocument.MAX_BYTES / 1024 / 1024);
        return "partners/vendor-form";
    }

    private Vendor vendor(Organization o, long id) {
        return web.mamori().vendors().byId(o.id(), id).orElseThrow(() -> new NotFoundException("no such vendor"));
    }

    static VendorStore.Input vendorInput(Map<String, String> f, String fixedName) {
        List<String> problems = new ArrayList<>();
        String name = fixedName != null ? fixedName : f.get("name");
        VendorKind kind = parse(problems, () -> blank(f.get("kind")) == null ? null : VendorKind.parse(f.get("kind")));
        ServiceCategory cat = parse(problems, () -> blank(f.get("serviceCategory")) == null ? null : ServiceCategory.parse(f.get("serviceCategory")));
        LocalDate until = parse(problems, () -> date(f.get("registrationValidUntil"), "登録の有効期限", "registration valid until"));
        Integer order = parse(problems, () -> {
            String s = blank(f.get("callOrder"));
            if (s == null) return null;
            if (!s.matches("\\d{1,3}")) throw new PartnersException("連絡順は数字です / the call order is a number: '" + s + "'");
            return Integer.valueOf(s);
        });
        String corporate = parse(problems, () -> jp.mamori.partners.CorporateNumber.normalise(f.get("corporateNumber")));
        for (String field : List.of("contactPerson", "phone", "email", "hotline", "registrationNumber")) {
            String s = f.get(field);
            if (s != null && s.length() > (field.equals("phone") || field.equals("hotline") ? 40 : field.equals("registrationNumber") ? 60 : 200)) {
                problems.add(field + ": 長すぎます / too long");
            }
        }
        VendorStore.Input in = parse(problems, () -> new VendorStore.Input(name, corporate, kind, blank(f.get("contactPerson")), blank(f.get("phone")),
                blank(f.get("email")), blank(f.get("hotline")), cat, blank(f.get("registrationNumber")), until, order));
        if (!problems.isEmpty()) throw new PartnersException("事業者", problems);
        return in;
    }

    static Map<String, String> fields(Vendor v) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("corporateNumber", v.corporateNumber());
        m.put("kind", v.kind() == null ? null : v.kind().key());
        m.put("contactPerson", v.contactPerson());
        m.put("phone", v.phone());
        m.put("email", v.email());
        m.put("hotline", v.hotline());
        m.put("serviceCategory", v.serviceCategory() == null ? null : v.serviceCategory().key());
        m.put("registrationNumber", v.registrationNumber());
        m.put("registrationValidUntil", v.registrationValidUntil() == null ? null : v.registrationValidUntil().toString());
        m.put("callOrder", v.callOrder() == null ? null : v.callOrder().toString());
        return m;
    }

    // ---- contracts

    @GetMapping("/partners/contracts/new")
    public String newContract(AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireOfficer(scope, request);
        ContractForm f = new ContractForm(null, null, null, ContractKind.MAINTENANCE.key(), ContractStatus.ACTIVE.key(), null, null, null, null, null,
                null, null);
        return contractForm(model, o, null, f, List.of());
    }

    @GetMapping("/partners/contracts/{code}/edit")
    public String editContract(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request, Model model) {
        Organization o = web.requireOfficer(scope, request);
        Contract k = web.contract(scope, o, code);
        return contractForm(model, o, k, fields(k), List.of());
    }

    @PostMapping("/partners/contracts")
    public String createContract(@RequestParam Map<String, String> form, @RequestParam(name = "systems", required = false) List<String> systems,
                                 @RequestParam(name = "assets", required = false) List<String> assets, AccessScope scope, HttpServletRequest request,
                                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Organization o = web.requireOfficer(scope, request);
        try {
            SaveContract.Input in = contractInput(form, null, systems, assets);
            if (web.mamori().contracts().find(o.id(), in.code() == null ? "" : in.code().strip()).isPresent()) {
                throw new PartnersException("契約コード「" + in.code() + "」は登録済みです / contract '" + in.code() + "' exists: edit it instead");
            }
            return saved(scope, o, in, redirect, "契約を登録しました / contract saved");
        } catch (PartnersException e) {
            response.setStatus(400);
            return contractForm(model, o, null, echo(form, systems, assets), e.problems());
        }
    }

    @PostMapping("/partners/contracts/{code}/edit")
    public String updateContract(@PathVariable("code") String code, @RequestParam Map<String, String> form,
                                 @RequestParam(name = "systems", required = false) List<String> systems,
                                 @RequestParam(name = "assets", required = false) List<String> assets, AccessScope scope, HttpServletRequest request,
                                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Organization o = web.requireOfficer(scope, request);
        Contract k = web.contract(scope, o, code);
        try {
            return saved(scope, o, contractInput(form, k.code(), systems, assets), redirect, "契約を更新しました / contract updated");
        } catch (PartnersException e) {
            response.setStatus(400);
            return contractForm(model, o, k, echo(form, systems, assets), e.problems());
        }
    }

    private String saved(AccessScope scope, Organization o, SaveContract.Input in, RedirectAttributes redirect, String done) {
        Contract k = web.mamori().saveContract().run(web.actor(scope, false), o.id(), in);
        redirect.addFlashAttribute("done", done + ": " + k.code());
        return "redirect:/partners/contracts/" + k.code();
    }

    /** The contract document (PDF/Office), replacing the stored one only when the new one passes every check. */
    @PostMapping("/partners/contracts/{code}/document")
    public String document(@PathVariable("code") String code, @RequestParam(name = "file", required = false) MultipartFile file, AccessScope scope,
                           HttpServletRequest request, RedirectAttributes redirect) throws IOException {
        Organization o = web.requireOfficer(scope, request);
        Contract k = web.contract(scope, o, code);
        try {
            if (file == null || file.isEmpty()) throw new PartnersException("ファイルを選んでください / choose the contract document");
            ContractDocument d = web.mamori().attachContractDocument().run(web.actor(scope, false), o.id(), k.code(), file.getOriginalFilename(), bounded(file));
            redirect.addFlashAttribute("done", "契約書を登録しました / document stored: " + d.name() + " SHA-256 " + d.sha256());
        } catch (PartnersException e) {
            redirect.addFlashAttribute("problems", withNothingStored(e));
        }
        return "redirect:/partners/contracts/" + k.code();
    }

    /** The stored document, for whoever reads the contract (its vendor included). */
    @GetMapping("/partners/contracts/{code}/document")
    public ResponseEntity<byte[]> download(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        return documentResponse(web, o, k);
    }

    static ResponseEntity<byte[]> documentResponse(PartnersWeb web, Organization o, Contract k) {
        byte[] bytes = web.mamori().contracts().document(o.id(), k.id()).orElseThrow(() -> new NotFoundException("no document"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(k.documentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(k.documentName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Checksum-SHA256", k.documentSha256())
                .body(bytes);
    }

    private String contractForm(Model model, Organization o, Contract k, ContractForm values, List<String> problems) {
        model.addAttribute("contract", k);
        model.addAttribute("f", values);
        model.addAttribute("problems", problems.isEmpty() ? null : problems);
        model.addAttribute("kinds", ContractKind.values());
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("vendors", web.mamori().vendors().list(o.id()));
        model.addAttribute("systems", web.mamori().inventory().systems().list(o.id()));
        model.addAttribute("assets", web.mamori().inventory().listAssets(o.id()));
        return "partners/contract-form";
    }

    static SaveContract.Input contractInput(Map<String, String> f, String fixedCode, List<String> systems, List<String> assets) {
        List<String> problems = new ArrayList<>();
        ContractKind kind = parse(problems, () -> ContractKind.parse(f.get("kind")));
        ContractStatus status = parse(problems, () -> ContractStatus.parse(f.get("status")));
        LocalDate starts = parse(problems, () -> date(f.get("startsOn"), "開始日", "starts"));
        LocalDate ends = parse(problems, () -> date(f.get("endsOn"), "終了日", "ends"));
        LocalDate renewal = parse(problems, () -> date(f.get("renewalOn"), "更新日", "renewal"));
        Integer cap = parse(problems, () -> {
            String s = blank(f.get("patchCapPerYear"));
            if (s == null) return null;
            if (!s.matches("\\d{1,4}")) throw new PartnersException("パッチ上限は回数（数字）です / the patch cap is a number: '" + s + "'");
            return Integer.valueOf(s);
        });
        String vendor = blank(f.get("vendor"));
        if (vendor == null) problems.add("事業者を選んでください / choose the vendor");
        String code = fixedCode != null ? fixedCode : f.get("code");
        // the core's own checks (code, title, dates), so that every problem is listed at once
        parse(problems, () -> new jp.mamori.partners.ContractStore.Input(code, f.get("title"), 0, kind == null ? ContractKind.MAINTENANCE : kind, status,
                starts, ends, renewal, false, cap, List.of(), List.of()));
        if (!problems.isEmpty()) throw new PartnersException("契約", problems);
        return new SaveContract.Input(code.strip(), f.get("title").strip(), vendor, kind, status, starts, ends, renewal,
                f.get("coversNetworkDevices") != null, cap, systems == null ? List.of() : systems, assets == null ? List.of() : assets);
    }

    /**
     * The contract form's values: a stored contract's, or what was typed (shown again with the problems); dates as
     * yyyy-MM-dd, {@code coversNetworkDevices} "on" when ticked, systems and assets by code.
     */
    public record ContractForm(String code, String title, String vendor, String kind, String status, String startsOn, String endsOn,
                               String renewalOn, String coversNetworkDevices, String patchCapPerYear, List<String> systems, List<String> assets) { }

    static ContractForm fields(Contract k) {
        return new ContractForm(k.code(), k.title(), k.vendorName(), k.kind().key(), k.status().key(), text(k.startsOn()), text(k.endsOn()),
                text(k.renewalOn()), k.coversNetworkDevices() ? "on" : null, text(k.patchCapPerYear()), k.systems(), k.assets());
    }

    private static ContractForm echo(Map<String, String> form, List<String> systems, List<String> assets) {
        return new ContractForm(form.get("code"), form.get("title"), form.get("vendor"), form.get("kind"), form.get("status"), form.get("startsOn"),
                form.get("endsOn"), form.get("renewalOn"), form.get("coversNetworkDevices"), form.get("patchCapPerYear"),
                systems == null ? List.of() : systems, assets == null ? List.of() : assets);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    // ---- helpers

    /** The upload's bytes, refused before reading when it is larger than a document may be. */
    static byte[] bounded(MultipartFile file) throws IOException {
        if (file.getSize() > ContractDocument.MAX_BYTES) {
            throw new PartnersException(file.getOriginalFilename() + ": ファイルが大きすぎます（" + ContractDocument.MAX_BYTES / 1024 / 1024 + "MBまで） / larger than "
                    + ContractDocument.MAX_BYTES / 1024 / 1024 + " MB");
        }
        return file.getBytes();
    }

    static List<String> withNothingStored(PartnersException e) {
        List<String> p = new ArrayList<>();
        p.add("何も登録していません / nothing was stored");
        p.addAll(e.problems());
        return p;
    }

    /** The field named in each language, so the page shows one language only ("日本語 / English" is split by Fmt.said). */
    static LocalDate date(String s, String fieldJa, String fieldEn) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new PartnersException(fieldJa + " は YYYY-MM-DD で入力してください: '" + s + "' / " + fieldEn + " must be YYYY-MM-DD: '" + s + "'");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T parse(List<String> problems, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (PartnersException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
