package jp.mamori.web.inventory;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.audit.AuditLog;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.inventory.scope.SbomScopeCheck;
import jp.mamori.inventory.scope.ScopeReport;
import jp.mamori.inventory.scope.Tier;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.security.AccessScope;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.NotFoundException;

/**
 * An SBOM handed in through the web: parsed whole first (a bad file stores nothing), stored as
 * the asset's current SBOM, matched at once, and recorded in the audit trail.
 */
@org.springframework.stereotype.Component
public class SbomUpload {

    /** Larger documents are refused before parsing (the parser bounds sizes and depths too). */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final String AUDIT_ACTION = "sbom.added";

    private final Database database;
    private final ScopedInventory inventory;
    private final AuditLog audit;
    private final Clock clock;
    private final TriagePolicy policy;

    public SbomUpload(Database database, ScopedInventory inventory, AuditLog audit, Clock webClock, TriagePolicy policy) {
        this.database = database;
        this.inventory = inventory;
        this.audit = audit;
        this.clock = webClock;
        this.policy = policy;
    }

    public record Result(SbomStore.StoredSbom sbom, FindingRecorder.Result findings, List<String> warnings, long withoutIdentifier,
                         ScopeReport scope) { }

    public Result upload(AccessScope scope, long orgId, long assetId, byte[] bytes, String originalName, String assetVersion) {
        Asset asset = inventory.asset(scope, orgId, assetId);
        if (!inventory.canWriteAsset(scope, orgId, assetId)) throw new NotFoundException("no such asset");
        if (bytes == null || bytes.length == 0) throw new BadRequestException("ファイルが空です / the file is empty");
        if (bytes.length > MAX_BYTES) throw new BadRequestException("ファイルが大きすぎます / the file is too large");
        String fileName = fileName(originalName);
        String version = assetVersion == null || assetVersion.isBlank() ? null : assetVersion.trim();
        if (version != null && version.length() > 100) throw new BadRequestException("asset version is too long");
        SbomDocument doc;
        try {
            doc = new SbomReader().read(bytes, fileName);
        } catch (SbomFormatException e) {
            throw new BadRequestException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new BadRequestException(fileName + ": " + (e.getMessage() == null ? "unreadable" : e.getMessage()), e);
        }
        SbomStore.StoredSbom stored;
        FindingRecorder.Result findings;
        try {
            stored = new SbomStore(database).add(orgId, asset, doc, fileName, sha256(bytes), version, scope.username(), clock.instant());
            findings = new InventoryAssessment(database, clock, policy).assessAsset(orgId, assetId, scope.username());
        } catch (InventoryException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        audit.append(scope.username(), orgId, AUDIT_ACTION, "asset:" + assetId,
                "sbom:" + stored.id() + " file=" + fileName + " format=" + doc.format() + " " + doc.specVersion()
                        + " components=" + doc.components().size() + " sha256=" + stored.sha256()
                        + " findings new=" + findings.detected() + " reopened=" + findings.reopened() + " closed=" + findings.closed());
        ItSystem system = inventory.systemsById(orgId).get(asset.systemId());
        ScopeReport report = SbomScopeCheck.check(doc, requiredTier(system));
        long noId = doc.components().stream().filter(Component::hasNoIdentifier).count();
        return new Result(stored, findings, doc.warnings(), noId, report);
    }

    static Tier requiredTier(ItSystem system) {
        if (system == null) return Tier.STANDARD;
        if (system.sbomTier() != null && !system.sbomTier().isBlank()) {
            try {
                return Tier.valueOf(system.sbomTier().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the importance
            }
        }
        return SbomScopeCheck.requiredFor(system.importance().confidentiality());
    }

    /** The last path segment of what the browser sent, without control characters, at most 200 characters. */
    static String fileName(String original) {
        String n = original == null ? "" : original;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("\\p{Cntrl}", "").strip();
        if (n.length() > 200) n = n.substring(n.length() - 200);
        return n.isEmpty() ? "sbom" : n;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
