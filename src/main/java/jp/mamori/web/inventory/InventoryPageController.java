package jp.mamori.web.inventory;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.SbomStore;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.PageController;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 情報システム, 資産 and SBOM pages, and the SBOM upload form. */
@Controller
@PageController
public class InventoryPageController {

    private final ScopedInventory inventory;
    private final Tenancy tenancy;
    private final SbomUpload upload;

    private final IdentifierConfirmation identifiers;

    private final javax.sql.DataSource dataSource;

    public InventoryPageController(ScopedInventory inventory, Tenancy tenancy, SbomUpload upload, IdentifierConfirmation identifiers,
                                   jp.mamori.app.Mamori mamori) {
        this.dataSource = mamori.database().dataSource();
        this.inventory = inventory;
        this.tenancy = tenancy;
        this.upload = upload;
        this.identifiers = identifiers;
    }

    @GetMapping("/systems")
    public String systems(AccessScope scope, HttpServletRequest request, Model model) {
        Organization org = tenancy.require(scope, request);
        List<ItSystem> systems = inventory.systems(scope, org.id());
        List<Asset> assets = inventory.assets(scope, org.id());
        model.addAttribute("systems", systems);
        model.addAttribute("assetCounts", assets.stream().collect(java.util.stream.Collectors.groupingBy(Asset::systemId, java.util.stream.Collectors.counting())));
        model.addAttribute("counts", bySystem(assets, inventory.openFindingCounts(org.id())));
        return "inventory/systems";
    }

    @GetMapping("/systems/{id}")
    public String system(@PathVariable("id") long id, AccessScope scope, Model model) {
        long orgId = tenancy.ownerOf(scope, "it_system", id);
        ItSystem system = inventory.system(scope, orgId, id);
        model.addAttribute("system", system);
        model.addAttribute("assets", inventory.assetsOfSystem(scope, orgId, id));
        model.addAttribute("counts", inventory.openFindingCounts(orgId));
        model.addAttribute("systemsById", inventory.systemsById(orgId));
        return "inventory/system";
    }

    @GetMapping("/assets")
    public String assets(AccessScope scope, HttpServletRequest request, Model model) {
        Organization org = tenancy.require(scope, request);
        model.addAttribute("assets", inventory.assets(scope, org.id()));
        model.addAttribute("systemsById", inventory.systemsById(org.id()));
        model.addAttribute("counts", inventory.openFindingCounts(org.id()));
        return "inventory/assets";
    }

    /** How many of an asset's open findings its page lists (the link shows them all). */
    static final int ASSET_FINDINGS = 20;

    @GetMapping("/assets/{id}")
    public String asset(@PathVariable("id") long id, AccessScope scope, Model model) {
        long orgId = tenancy.ownerOf(scope, "asset", id);
        Asset asset = inventory.asset(scope, orgId, id);
        List<SbomStore.StoredSbom> history = inventory.sboms(scope, orgId, id);
        model.addAttribute("asset", asset);
        model.addAttribute("system", inventory.systemsById(orgId).get(asset.systemId()));
        model.addAttribute("systemVisible", scope.canReadSystem(orgId, asset.systemId()));
        model.addAttribute("sboms", history);
        model.addAttribute("counts", inventory.openFindingCounts(orgId).getOrDefault(id, Map.of()));
        List<jp.mamori.remediation.FindingRow> open = inventory.openFindings(orgId, id, ASSET_FINDINGS);
        model.addAttribute("openFindings", open);
        try (java.sql.Connection c = dataSource.getConnection()) {
            model.addAttribute("reasons", jp.mamori.remediation.DeadlineReasons.of(c, orgId, open));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read findings: " + e.getMessage(), e);
        }
        model.addAttribute("canUpload", inventory.canWriteAsset(scope, orgId, id));
        model.addAttribute("held", history.stream().filter(SbomStore.StoredSbom::held).toList());
        model.addAttribute("canConfirm", scope.role() == jp.mamori.security.Role.SECURITY_OFFICER && !scope.readOnly());
        model.addAttribute("maxBytes", SbomUpload.MAX_BYTES);
        return "inventory/asset";
    }

    @PostMapping("/assets/{id}/sboms")
    public String upload(@PathVariable("id") long id, @RequestParam(name = "file", required = false) MultipartFile file,
                         @RequestParam(name = "assetVersion", required = false) String assetVersion,
                         AccessScope scope, RedirectAttributes redirect) throws IOException {
        long orgId = tenancy.ownerOf(scope, "asset", id);
        try {
            if (file == null || file.isEmpty()) throw new BadRequestException("ファイルを選択してください / choose a file");
            SbomUpload.Result r = upload.upload(scope, orgId, id, file.getBytes(), file.getOriginalFilename(), assetVersion);
            redirect.addFlashAttribute("uploaded", r.notice());
        } catch (BadRequestException e) {
            inventory.asset(scope, orgId, id);
            redirect.addFlashAttribute("uploadProblem", e.getMessage());
        }
        return "redirect:/assets/" + id;
    }

    @PostMapping("/sboms/{id}/confirm")
    public String confirm(@PathVariable("id") long id, AccessScope scope, RedirectAttributes redirect) {
        long orgId = tenancy.ownerOf(scope, "sbom_document", id);
        SbomStore.StoredSbom s = inventory.sbom(scope, orgId, id);
        try {
            redirect.addFlashAttribute("confirmed", upload.confirm(scope, orgId, s));
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("uploadProblem", e.getMessage());
        }
        return "redirect:/assets/" + s.assetId();
    }

    @GetMapping("/sboms/{id}")
    public String sbom(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "0") int page, AccessScope scope, Model model) {
        long orgId = tenancy.ownerOf(scope, "sbom_document", id);
        SbomStore.StoredSbom s = inventory.sbom(scope, orgId, id);
        model.addAttribute("sbom", s);
        model.addAttribute("asset", inventory.asset(scope, orgId, s.assetId()));
        model.addAttribute("components", inventory.components(scope, orgId, id, Math.max(0, page), 100));
        model.addAttribute("canConfirmId", s.current() && jp.mamori.inventory.sbom.table.VendorTableReader.FORMAT.equals(s.format())
                && IdentifierConfirmation.allowed(scope) && inventory.canWriteAsset(scope, orgId, s.assetId()));
        model.addAttribute("idDecisions", jp.mamori.inventory.sbom.table.VendorTableReader.FORMAT.equals(s.format())
                ? identifiers.decisions(scope, orgId) : List.of());
        return "inventory/sbom";
    }

    /**
     * A security officer confirms, corrects or rejects the identifier Mamori suggested for a vendor-table row
     * (issue 13 defect 5); back to the SBOM page with what happened.
     */
    @PostMapping("/sboms/{id}/components/{ref}/confirm-id")
    public String confirmId(@PathVariable("id") long id, @PathVariable("ref") String ref,
                            @RequestParam(name = "verdict", required = false) String verdict,
                            @RequestParam(name = "purl", required = false) String purl,
                            @RequestParam(name = "cpe", required = false) String cpe,
                            AccessScope scope, RedirectAttributes redirect) {
        long orgId = tenancy.ownerOf(scope, "sbom_document", id);
        SbomStore.StoredSbom s = inventory.sbom(scope, orgId, id);
        try {
            jp.mamori.app.inventory.ConfirmIdentifier.Result r = identifiers.confirm(scope, orgId, s, ref, verdict, purl, cpe, false);
            redirect.addFlashAttribute("idConfirmed", new IdNotice(ref, r.name(), r.confirmed(), r.purl(), r.cpe(), r.assets().size(),
                    r.findings().detected(), r.findings().closed()));
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("idProblem", e.getMessage());
        }
        return "redirect:/sboms/" + id;
    }

    /** What the SBOM page says after a confirmation: a flash attribute, so serializable. */
    public record IdNotice(String ref, String name, boolean confirmed, String purl, String cpe, int assets, int detected, int closed)
            implements java.io.Serializable { }

    /** Open findings per system and outcome, from the per-asset counts of the assets shown. */
    static Map<Long, Map<String, Long>> bySystem(List<Asset> assets, Map<Long, Map<String, Long>> perAsset) {
        Map<Long, Map<String, Long>> out = new java.util.HashMap<>();
        for (Asset a : assets) {
            perAsset.getOrDefault(a.id(), Map.of()).forEach((o, n) -> out.computeIfAbsent(a.systemId(), k -> new java.util.HashMap<>()).merge(o, n, Long::sum));
        }
        return out;
    }
}
