package jp.mamori.web.partners;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.mamori.app.partners.ShareConfiguration;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.ConfigShare;
import jp.mamori.partners.PartnerList;
import jp.mamori.partners.RoleMatrix;
import jp.mamori.partners.Vendor;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/partners/{import,shares,drills}}: the IR partners list imported whole, configuration
 * shares (the package generated and the share recorded) and drills. Reading is the organisation's
 * readers', changing the security officer's, as on the web; the use cases validate and audit.
 */
@RestController
public class IrPartnersApiController {

    private final PartnersWeb web;

    public IrPartnersApiController(PartnersWeb web) {
        this.web = web;
    }

    /** The list the user keeps (multipart "file": CSV or .xlsx, ≤ 2 MB): every row valid, or nothing stored and every bad row named. */
    @PostMapping("/api/v1/partners/import")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.Imported importList(@RequestParam(name = "file", required = false) MultipartFile file, AccessScope scope,
                                          HttpServletRequest request) throws IOException {
        Organization o = web.requireOfficer(scope, request);
        byte[] bytes = PartnersUploads.bytes(file, PartnerList.MAX_BYTES, "IR事業者の一覧（CSV・.xlsx）", "the partners list (CSV or .xlsx)");
        List<Vendor> saved = web.mamori().importPartners().run(web.actor(scope, true), o.id(), PartnersUploads.name(file, "partners.csv"), bytes);
        return new PartnersJson.Imported(saved.size(), saved.stream().map(Vendor::name).toList());
    }

    @GetMapping("/api/v1/partners/shares")
    public List<PartnersJson.Share> shares(AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        LocalDate today = web.mamori().today();
        String boundary = web.mamori().shares().boundaryFingerprint(o.id());
        Set<Long> seen = new HashSet<>();
        List<PartnersJson.Share> out = new ArrayList<>();
        // newest first: the first of each vendor is the one that counts, the older ones are history
        for (ConfigShare s : web.mamori().shares().list(o.id())) out.add(shareJson(s, seen.add(s.vendorId()), today, boundary));
        return out;
    }

    /** A share: {@code {"vendor": "E社", "recipient": "鈴木", "sharedOn": "2026-11-01"}} (recipient and date optional). */
    public record ShareJson(String vendor, String recipient, String sharedOn) { }

    /** Generates the package (JSON whose SHA-256 is recorded, and the .xlsx beside it) and records the share. */
    @PostMapping("/api/v1/partners/shares")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.Shared share(@RequestBody(required = false) ShareJson b, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireOfficer(scope, request);
        if (b == null || b.vendor() == null || b.vendor().isBlank()) throw new BadRequestException("共有先の事業者（vendor）を指定してください / give the vendor");
        ShareConfiguration.Result r = web.mamori().shareConfiguration().run(web.actor(scope, true), o.id(), b.vendor().strip(), b.recipient(),
                PartnersApiController.date(b.sharedOn(), "sharedOn"));
        PartnersJson.Pack pack = new PartnersJson.Pack(r.pack().fileName(), r.pack().sha256(), new String(r.pack().json(), StandardCharsets.UTF_8),
                r.pack().xlsxName(), java.util.Base64.getEncoder().encodeToString(r.pack().xlsx()));
        return new PartnersJson.Shared(shareJson(r.share(), true, web.mamori().today(), web.mamori().shares().boundaryFingerprint(o.id())), pack);
    }

    static PartnersJson.Share shareJson(ConfigShare s, boolean latest, LocalDate today, String boundary) {
        String due = latest ? s.dueNow(today, boundary) : null;
        return new PartnersJson.Share(s.id(), s.vendorId(), s.vendorName(), s.sharedOn().toString(), s.recipient(), s.sha256(), s.nextDue().toString(),
                s.recordedBy(), latest, due != null, due);
    }

    /** The drills that count for the organisation ({@code ?system=CODE}: for that system), newest first. */
    @GetMapping("/api/v1/partners/drills")
    public List<RoleMatrix.Drill> drills(@RequestParam(name = "system", required = false) String system, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireReadiness(scope, request);
        RoleMatrix m = system == null || system.isBlank() ? web.mamori().roles().matrix(o.id()) : PartnersWeb.system(web.mamori(), o, system).effective();
        return m.drills().stream().sorted(java.util.Comparator.comparing(RoleMatrix.Drill::heldOn).reversed()).toList();
    }

    /** A drill: {@code {"date": "2026-11-01", "title": "…", "findings": "…", "system": "juki"}} (findings and system optional). */
    public record DrillJson(String date, String title, String findings, String system) { }

    @PostMapping("/api/v1/partners/drills")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.DrillRecorded drill(@RequestBody(required = false) DrillJson b, AccessScope scope, HttpServletRequest request) {
        Organization o = web.requireOfficer(scope, request);
        if (b == null) throw new BadRequestException("訓練日（date）と訓練名（title）を指定してください / give date and title");
        String system = b.system() == null || b.system().isBlank() ? null : b.system().strip();
        long id = web.mamori().recordDrill().run(web.actor(scope, true), o.id(), system, PartnersApiController.date(b.date(), "date"), b.title(), b.findings());
        return new PartnersJson.DrillRecorded(id, b.date(), b.title(), system);
    }
}
