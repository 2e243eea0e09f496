package jp.mamori.web.inventory;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.SbomStore;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.Tenancy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** {@code /api/v1/systems}, {@code /api/v1/assets}, SBOMs and SBOM upload. */
@RestController
@RequestMapping("/api/v1")
public class InventoryApiController {

    private final ScopedInventory inventory;
    private final Tenancy tenancy;
    private final SbomUpload upload;

    private final IdentifierConfirmation identifiers;

    public InventoryApiController(ScopedInventory inventory, Tenancy tenancy, SbomUpload upload, IdentifierConfirmation identifiers) {
        this.identifiers = identifiers;
        this.inventory = inventory;
        this.tenancy = tenancy;
        this.upload = upload;
    }

    @GetMapping("/systems")
    public List<ItSystem> systems(AccessScope scope, HttpServletRequest request) {
        Organization org = tenancy.require(scope, request);
        return inventory.systems(scope, org.id());
    }

    @GetMapping("/systems/{id}")
    public InventoryJson.SystemDetail system(@PathVariable("id") long id, AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "it_system", id);
        return new InventoryJson.SystemDetail(inventory.system(scope, orgId, id), inventory.assetsOfSystem(scope, orgId, id));
    }

    @GetMapping("/assets")
    public List<Asset> assets(AccessScope scope, HttpServletRequest request) {
        Organization org = tenancy.require(scope, request);
        return inventory.assets(scope, org.id());
    }

    @GetMapping("/assets/{id}")
    public InventoryJson.AssetDetail asset(@PathVariable("id") long id, AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "asset", id);
        Asset asset = inventory.asset(scope, orgId, id);
        return new InventoryJson.AssetDetail(asset, inventory.openFindingCounts(orgId).getOrDefault(id, Map.of()), inventory.sboms(scope, orgId, id));
    }

    @GetMapping("/assets/{id}/sboms")
    public List<SbomStore.StoredSbom> sboms(@PathVariable("id") long id, AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "asset", id);
        return inventory.sboms(scope, orgId, id);
    }

    /**
     * Multipart ({@code file}, optional {@code assetVersion}, {@code confirm}). The scope and the
     * declared length are checked before the multipart body is parsed (parts are resolved lazily).
     */
    @PostMapping(path = "/assets/{id}/sboms", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<InventoryJson.Uploaded> uploadMultipart(@PathVariable("id") long id, AccessScope scope,
                                                               HttpServletRequest request) throws IOException {
        long orgId = tenancy.ownerOf(scope, "asset", id);
        upload.requireWritable(scope, orgId, id);
        SbomUpload.checkDeclaredLength(request.getContentLengthLong() - MULTIPART_OVERHEAD);
        if (!(request instanceof MultipartHttpServletRequest multipart)) throw new BadRequestException("multipart形式で送ってください / multipart body expected");
        MultipartFile file = multipart.getFile("file");
        if (file == null || file.isEmpty()) throw new BadRequestException("ファイルを選択してください / the part 'file' is missing or empty");
        try (InputStream in = file.getInputStream()) {
            return created(upload.upload(scope, orgId, id, in, file.getSize(), file.getOriginalFilename(),
                    request.getParameter("assetVersion"), Boolean.parseBoolean(request.getParameter("confirm"))));
        }
    }

    /** Room for the multipart boundaries and headers around the file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    /**
     * The document as the request body; {@code fileName} (for format detection and the record) as
     * a parameter. Scope and {@code Content-Length} are checked before the body is read; the body
     * is then streamed to a temporary file with a hard limit (413 beyond), never buffered whole.
     */
    @PostMapping(path = "/assets/{id}/sboms", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE, "text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/vnd.cyclonedx+json", "application/vnd.cyclonedx+xml", "application/spdx+json"})
    public ResponseEntity<InventoryJson.Uploaded> uploadBody(@PathVariable("id") long id,
                                                          @RequestParam(name = "fileName", required = false) String fileName,
                                                          @RequestParam(name = "assetVersion", required = false) String assetVersion,
                                                          @RequestParam(name = "confirm", defaultValue = "false") boolean confirm,
                                                          AccessScope scope, HttpServletRequest request) throws IOException {
        long orgId = tenancy.ownerOf(scope, "asset", id);
        upload.requireWritable(scope, orgId, id);
        SbomUpload.checkDeclaredLength(request.getContentLengthLong());
        if (fileName == null || fileName.isBlank()) throw new BadRequestException("fileName を指定してください / fileName is required (e.g. bom.cdx.json)");
        try (InputStream in = request.getInputStream()) {
            return created(upload.upload(scope, orgId, id, in, request.getContentLengthLong(), fileName, assetVersion, confirm));
        }
    }

    private static ResponseEntity<InventoryJson.Uploaded> created(SbomUpload.Result r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(InventoryJson.Uploaded.of(r));
    }

    /** "Accepted", or "accepted with N warnings", Japanese first. */
    static String acceptance(int warnings) {
        return warnings == 0 ? "受け付けました / accepted"
                : "注意 " + warnings + " 件付きで受け付けました / accepted with " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    /**
     * Each warning in its parts — {@code place} (JSON pointer or XML line/column; null for the whole document),
     * {@code ja}, {@code en} — and the line as the SBOM page shows it ({@code text}); at most as many as are stored
     * with the document ({@code warningCount} counts them all).
     */
    static List<InventoryJson.Warning> warnings(List<String> lines) {
        return lines.subList(0, Math.min(lines.size(), SbomStore.STORED_WARNINGS)).stream().map(InventoryJson.Warning::of).toList();
    }

    /**
     * A security officer confirms an SBOM that was held because it would close open Act/Attend
     * findings: it becomes the asset's current SBOM and what it drops is closed as fixed.
     */
    @org.springframework.web.bind.annotation.PostMapping("/sboms/{id}/confirm")
    public InventoryJson.Confirmed confirm(@PathVariable("id") long id, AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "sbom_document", id);
        SbomStore.StoredSbom s = inventory.sbom(scope, orgId, id);
        jp.mamori.remediation.FindingRecorder.Result r = upload.confirm(scope, orgId, s);
        return new InventoryJson.Confirmed(inventory.sbom(scope, orgId, id), r);
    }

    /** A confirmation's body: {@code verdict} confirm | reject, optional corrected {@code purl} / {@code cpe}. */
    public record ConfirmIdBody(String verdict, String purl, String cpe) { }

    /**
     * A security officer confirms, corrects or rejects the identifier Mamori suggested for a vendor-table row of the
     * asset's current SBOM (issue 13 defect 5); the same use case as {@code mamori sbom confirm-id} and the SBOM page.
     */
    @PostMapping("/sboms/{id}/components/{ref}/confirm-id")
    public InventoryJson.IdentifierConfirmed confirmId(@PathVariable("id") long id, @PathVariable("ref") String ref,
                                         @org.springframework.web.bind.annotation.RequestBody(required = false) ConfirmIdBody body, AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "sbom_document", id);
        SbomStore.StoredSbom s = inventory.sbom(scope, orgId, id);
        ConfirmIdBody b = body == null ? new ConfirmIdBody(null, null, null) : body;
        jp.mamori.app.inventory.ConfirmIdentifier.Result r = identifiers.confirm(scope, orgId, s, ref, b.verdict(), b.purl(), b.cpe(), true);
        return new InventoryJson.IdentifierConfirmed(ref, r.supplier(), r.name(), r.confirmed() ? "confirmed" : "rejected", r.purl(), r.cpe(),
                r.assets().size(), r.findings());
    }

    @GetMapping("/sboms/{id}")
    public InventoryJson.SbomPage sbom(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "0") int page,
                                    @RequestParam(name = "size", defaultValue = "100") int size, AccessScope scope) {
        long orgId = tenancy.ownerOf(scope, "sbom_document", id);
        SbomStore.StoredSbom sbom = inventory.sbom(scope, orgId, id);
        ScopedInventory.Page<ScopedInventory.Component> p = inventory.components(scope, orgId, id, Math.max(0, page), Math.max(1, Math.min(size, 1000)));
        return new InventoryJson.SbomPage(sbom, p.total(), p.page(), p.size(), p.items());
    }
}
