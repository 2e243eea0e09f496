package jp.mamori.web.findings;

import jp.mamori.app.Mamori;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.export.FindingExporter;
import jp.mamori.remediation.export.VexExporter;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.security.AccessScope;
import jp.mamori.web.inventory.ScopedInventory;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.Fmt;
import jp.mamori.web.support.Tenancy;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions, mitigation items and exports over {@code /api/v1}: the same writes as the finding page,
 * under the same scope rules ({@link RemediationDecisions}); the Excel/CSV export of the findings the
 * caller may see; an asset's decisions as VEX.
 */
@RestController
@RequestMapping("/api/v1")
public class FindingDecisionApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType CYCLONEDX = MediaType.parseMediaType("application/vnd.cyclonedx+json");

    private final RemediationDecisions decisions;
    private final Tenancy tenancy;
    private final ScopedInventory inventory;
    private final FindingExporter exporter;
    private final VexExporter vex;
    private final Fmt fmt;

    public FindingDecisionApiController(RemediationDecisions decisions, Tenancy tenancy, ScopedInventory inventory, Mamori mamori, Fmt fmt) {
        this.decisions = decisions;
        this.tenancy = tenancy;
        this.inventory = inventory;
        this.exporter = mamori.findingExporter();
        this.vex = mamori.vexExporter();
        this.fmt = fmt;
    }

    /** Body: {@code {"action": "patch", "reason": "...", "until": "2026-12-31", "approver": null, "justification": null, "evidenceLinks": []}}. */
    @PostMapping(path = "/findings/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DecisionView.Recorded> decide(@PathVariable("id") long id, @RequestBody RemediationDecisions.DecisionInput body,
                                                        AccessScope scope) {
        DecisionResult r = decisions.decide(scope, id, body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DecisionView.Recorded.of(r, decisions.describe(scope, decisions.readable(scope, id).organizationId(), id)));
    }

    /** Pending risk acceptances of the organisation (those whose findings the caller may see); {@code canApprove} for the named approver. */
    @GetMapping("/approvals")
    public java.util.List<DecisionView.Approval> approvals(AccessScope scope, HttpServletRequest request) {
        Organization org = tenancy.require(scope, request);
        return decisions.pendingApprovals(scope, org.id());
    }

    /** The named security officer approves a pending risk acceptance: the decision is stored, audited as the approver's action. */
    @PostMapping("/approvals/{id}/approve")
    public DecisionView.Approved approve(@PathVariable("id") long id, AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "acceptance_request", id);
        DecisionResult r = decisions.approve(scope, orgId, id);
        return DecisionView.Approved.of(r, decisions.describe(scope, orgId, r.findingId()));
    }

    /** Body: {@code {"status": "doing", "owner": "...", "reviewDate": "2026-12-31"}}; absent fields stay. */
    @PatchMapping(path = "/findings/{id}/mitigations/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DecisionView.Item updateMitigation(@PathVariable("id") long id, @PathVariable("itemId") long itemId,
                                              @RequestBody RemediationDecisions.MitigationInput body, AccessScope scope) {
        Mitigation m = decisions.updateMitigation(scope, id, itemId, body);
        return DecisionView.Item.of(m);
    }

    /** The findings the caller may see, with decisions and mitigations: .xlsx (three sheets) or CSV (UTF-8 with BOM). */
    @GetMapping("/findings/export")
    public void export(@RequestParam(name = "format", defaultValue = "xlsx") String format, AccessScope scope, HttpServletRequest request,
                       HttpServletResponse response, Locale locale) throws IOException {
        boolean english = "en".equals(locale.getLanguage());
        Organization org = tenancy.require(scope, request);
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("xlsx") && !f.equals("csv")) throw new BadRequestException("形式は xlsx か csv です / format must be xlsx or csv");
        FindingQuery.Filter filter = Tenancy.scoped(scope, FindingQuery.Filter.all());
        String name = "mamori-findings-" + org.code() + "-" + fmt.today() + "." + f;
        response.setStatus(200);
        response.setContentType((f.equals("xlsx") ? XLSX : CSV).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        OutputStream out = response.getOutputStream();
        if (f.equals("xlsx")) exporter.writeXlsx(org.id(), filter, out, english);
        else exporter.writeCsv(org.id(), filter, out, english);
        out.flush();
    }

    /** The organisation's decisions about one asset as VEX (CycloneDX 1.5 or OpenVEX 0.2.0). */
    @GetMapping("/assets/{id}/vex")
    public ResponseEntity<String> assetVex(@PathVariable("id") long id, @RequestParam(name = "format", defaultValue = "cyclonedx") String format,
                                           AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "asset", id);
        Asset asset = inventory.asset(scope, orgId, id);
        String f = format.trim().toLowerCase(Locale.ROOT);
        VexExporter.Document doc;
        MediaType type;
        String suffix;
        switch (f) {
            case "cyclonedx" -> {
                doc = vex.cycloneDx(orgId, asset.code());
                type = CYCLONEDX;
                suffix = ".vex.cdx.json";
            }
            case "openvex" -> {
                doc = vex.openVex(orgId, asset.code());
                type = MediaType.APPLICATION_JSON;
                suffix = ".openvex.json";
            }
            default -> throw new BadRequestException("形式は cyclonedx か openvex です / format must be cyclonedx or openvex");
        }
        String name = "mamori-" + asset.code().replaceAll("[^A-Za-z0-9._-]", "_") + suffix;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-VEX-Statements", String.valueOf(doc.statements()))
                .body(doc.json());
    }
}
