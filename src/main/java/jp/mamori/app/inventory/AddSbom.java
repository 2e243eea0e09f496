package jp.mamori.app.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.SbomStore.StoredSbom;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.inventory.sbom.Strictness;
import jp.mamori.inventory.scope.SbomScopeCheck;
import jp.mamori.inventory.scope.ScopeReport;
import jp.mamori.inventory.scope.Tier;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingQuery.UrgentOpen;
import jp.mamori.remediation.InstancePairing;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.notify.Notifier;

/**
 * "Add an SBOM to an asset", whoever hands it in: read whole first (a bad file stores nothing;
 * schema problems are warnings stored with the document unless the caller or the organisation asks
 * for strict checking, issue 13),
 * then — one writer per asset — stored as the current SBOM, matched, findings recorded and the
 * audit entry written in one transaction, so what the caller is told is what is stored; then the
 * follow-up of raised outcomes.
 *
 * <p>An SBOM that would silently close open Act/Attend findings — it has no components, or drops
 * the components they were found in — is not taken on a non-officer's word: it is held for a
 * security officer's confirmation (findings stay open meanwhile), and an empty one is refused
 * unless an officer confirms it (issue 18).
 */
public final class AddSbom {

    private final Mamori mamori;

    public AddSbom(Mamori mamori) {
        this.mamori = mamori;
    }

    /**
     * @param file         the document (a temporary file for uploads)
     * @param fileName     the name the user gave it
     * @param assetVersion the asset version the SBOM describes, may be null
     * @param confirm      a security officer confirms closings and an empty document
     * @param strict       refuse the document for any schema problem (else, and unless the organisation
     *                     chose strict, it is imported with warnings when it can be read safely)
     */
    public record Input(Path file, String fileName, String assetVersion, boolean confirm, boolean strict) {
        public Input(Path file, String fileName, String assetVersion, boolean confirm) {
            this(file, fileName, assetVersion, confirm, false);
        }
    }

    /** {@code held}: stored but not current, waiting for an officer; {@code wouldClose}: what it would close. */
    public record Result(StoredSbom sbom, SbomDocument document, FindingRecorder.Result findings, boolean held,
                         List<UrgentOpen> wouldClose, ScopeReport scope, Tier requiredTier, long withoutIdentifier,
                         Notifier.Report notifications) { }

    /** An SBOM refused as a whole (the message says why, in Japanese and English). */
    public static final class Refused extends InvalidInputException {
        public Refused(String message) {
            super(message);
        }
    }

    public Result run(Actor actor, long orgId, long assetId, Input in) {
        Strictness strictness = in.strict() || mamori.organizationSettings().sbomStrict(orgId) ? Strictness.STRICT : Strictness.LENIENT;
        // a vendor table's rows get the organisation's confirmed (or rejected) identifiers of the same supplier/name (issue 13)
        SbomDocument doc = mamori.identifierConfirmations().applyTo(orgId, read(in.file(), in.fileName(), strictness));
        String sha256 = sha256(in.file());
        String version = in.assetVersion() == null || in.assetVersion().isBlank() ? null : in.assetVersion().strip();
        if (version != null && version.length() > 100) throw new InventoryException("資産の版が長すぎます（最大100文字） / asset version is longer than 100 characters");
        boolean officer = actor.securityOfficer();
        if (doc.components().isEmpty() && !(officer && in.confirm())) {
            throw new Refused("コンポーネントが1件もないSBOMは、情報セキュリティ担当の確認なしには登録できません（既存の検出がすべて解消扱いになるため） / "
                    + "an SBOM without components is accepted only when a security officer confirms it (it would close every finding of the asset)");
        }
        try (AssetLocks.Held ignored = mamori.assetLocks().lock(assetId)) {
            Result r = mamori.database().inUnitOfWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM asset WHERE id = ? AND organization_id = ? FOR UPDATE")) {
                    ps.setLong(1, assetId);
                    ps.setLong(2, orgId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new InventoryException("資産が見つかりません / no such asset");
                    }
                }
                Asset asset = mamori.inventory().assets().byId(orgId, assetId).orElseThrow(() -> new InventoryException("資産が見つかりません / no such asset"));
                ItSystem system = mamori.inventory().systems().byId(orgId, asset.systemId()).orElseThrow();
                List<UrgentOpen> wouldClose = wouldClose(orgId, assetId, doc);
                boolean hold = !wouldClose.isEmpty() && !officer;
                StoredSbom stored = hold
                        ? mamori.sboms().hold(orgId, asset, doc, in.fileName(), sha256, version, actor.name(), mamori.clock().instant())
                        : mamori.sboms().add(orgId, asset, doc, in.fileName(), sha256, version, actor.name(), mamori.clock().instant());
                FindingRecorder.Result findings = hold ? FindingRecorder.Result.NONE : mamori.assessment().assessAsset(orgId, assetId, actor.name());
                Tier required = requiredTier(system);
                ScopeReport scope = SbomScopeCheck.check(doc, required);
                long noId = doc.components().stream().filter(Component::hasNoIdentifier).count();
                Audited.record(mamori, c, actor, orgId, hold ? Audited.SBOM_HELD : Audited.SBOM_ADDED, "asset:" + assetId,
                        "sbom:" + stored.id() + " file=" + AuditDetail.quote(in.fileName()) + " format=" + doc.format() + " " + doc.specVersion()
                                + " components=" + doc.components().size() + " sha256=" + stored.sha256()
                                + (doc.warnings().isEmpty() ? "" : " warnings=" + doc.warnings().size())
                                + (hold ? " would_close=" + wouldClose.size()
                                        : " " + findings.auditFields(false)));
                return new Result(stored, doc, findings, hold, wouldClose, scope, required, noId, Notifier.Report.NONE);
            });
            Notifier.Report sent = mamori.followUp().after(r.findings());
            return new Result(r.sbom(), r.document(), r.findings(), r.held(), r.wouldClose(), r.scope(), r.requiredTier(), r.withoutIdentifier(), sent);
        }
    }

    /** A security officer confirms a held SBOM: it becomes current and the findings it drops close. */
    public FindingRecorder.Result confirm(Actor actor, long orgId, long sbomId) {
        if (!actor.securityOfficer()) throw new InventoryException("確認できるのは情報セキュリティ担当のみです / only a security officer can confirm");
        StoredSbom held = mamori.sboms().find(orgId, sbomId).orElseThrow(() -> new InventoryException("SBOMが見つかりません / no such SBOM"));
        try (AssetLocks.Held ignored = mamori.assetLocks().lock(held.assetId())) {
            FindingRecorder.Result r = mamori.database().inUnitOfWork(c -> {
                if (!mamori.sboms().confirmHeld(orgId, sbomId)) throw new InventoryException("確認待ちのSBOMではありません / this SBOM is not waiting for confirmation");
                FindingRecorder.Result f = mamori.assessment().assessAsset(orgId, held.assetId(), actor.name());
                Audited.record(mamori, c, actor, orgId, Audited.SBOM_CONFIRMED, "asset:" + held.assetId(),
                        "sbom:" + sbomId + " findings closed=" + f.closed() + " new=" + f.detected());
                return f;
            });
            mamori.followUp().after(r);
            return r;
        }
    }

    /**
     * Open Act/Attend findings the new document would close: those no instance it lists of the same
     * component can continue (paired as the recorder pairs them, {@link InstancePairing}: the same version
     * first, then the remaining versions in order). Dropping one of two lodash versions is seen; a version
     * upgrade continues its finding (and closes it only if the new version no longer matches, as intended).
     */
    private List<UrgentOpen> wouldClose(long orgId, long assetId, SbomDocument doc) {
        List<FindingQuery.ComponentFinding> stored = mamori.findings().componentFindings(orgId, assetId);
        if (stored.stream().noneMatch(FindingQuery.ComponentFinding::urgentOpen)) return List.of();
        Map<String, List<String>> listed = new LinkedHashMap<>();
        for (Component k : doc.components()) {
            List<String> versions = listed.computeIfAbsent(InventoryAssessment.identity(k.purl(), k.cpe(), k.group(), k.name()), x -> new ArrayList<>());
            String instance = InstancePairing.instance(k.version());
            if (!versions.contains(instance)) versions.add(instance);
        }
        Map<String, List<FindingQuery.ComponentFinding>> groups = new LinkedHashMap<>();
        for (FindingQuery.ComponentFinding f : stored) groups.computeIfAbsent(f.componentIdentity() + "\u0000" + f.vulnId(), x -> new ArrayList<>()).add(f);
        List<UrgentOpen> out = new ArrayList<>();
        for (List<FindingQuery.ComponentFinding> g : groups.values()) {
            List<String> seen = listed.getOrDefault(g.get(0).componentIdentity(), List.of());
            for (int i : InstancePairing.unpaired(g.stream().map(FindingQuery.ComponentFinding::instance).toList(), seen)) {
                if (g.get(i).urgentOpen()) out.add(g.get(i).asUrgentOpen());
            }
        }
        out.sort(java.util.Comparator.comparingLong(UrgentOpen::id));
        return out;
    }

    /** The SBOM tier a system requires: its own setting, else from its confidentiality (SPEC §3). */
    public static Tier requiredTier(ItSystem system) {
        if (system == null) return Tier.STANDARD;
        if (system.sbomTier() != null && !system.sbomTier().isBlank()) {
            try {
                return Tier.valueOf(system.sbomTier().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // an unknown stored value falls back to what the importance requires
            }
        }
        return SbomScopeCheck.requiredFor(system.importance().confidentiality());
    }

    private SbomDocument read(Path file, String name, Strictness strictness) {
        try {
            return new SbomReader(SbomLimits.defaults(), mamori.cpeSuggester(), strictness).read(file);
        } catch (SbomFormatException e) {
            throw new InvalidInputException(named(e.getMessage(), file, name), e);
        } catch (IOException e) {
            throw new InvalidInputException(name + ": " + named(e.getMessage(), file, name), e);
        }
    }

    /** Messages name the document as the user knows it, never a temporary path of ours. */
    private static String named(String message, Path file, String name) {
        return message == null ? name : message.replace(file.toString(), name);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InventoryException(file.getFileName() + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
