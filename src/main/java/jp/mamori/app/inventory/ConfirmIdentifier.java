package jp.mamori.app.inventory;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.identifiers.cpe.Cpe23;
import jp.mamori.inventory.IdentifierConfirmationStore;
import jp.mamori.inventory.IdentifierConfirmationStore.CurrentComponent;
import jp.mamori.inventory.IdentifierConfirmationStore.Decision;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.remediation.FindingRecorder;

/**
 * A person confirms, corrects or rejects the purl/CPE Mamori suggested for a vendor-table row (issue 13
 * defect 5). Until then the row's matches are candidates (推定); afterwards they are findings (confirmed)
 * or gone (rejected). The word is kept per organisation for the supplier and name, so every current and
 * later table row of the same vendor product is treated the same; the affected assets are matched again
 * and the audit entry is written in the same transaction. An organisation-wide correction list, so only a
 * security officer (the CLI acts as one) decides.
 */
public final class ConfirmIdentifier {

    public enum Verdict { CONFIRM, REJECT }

    /**
     * @param componentRef the row's reference in the asset's current SBOM ({@code row-3})
     * @param purl         a corrected purl (confirm only); with {@code cpe}, replaces both suggestions
     * @param cpe          a corrected CPE 2.3 name (confirm only)
     */
    public record Input(long assetId, String componentRef, Verdict verdict, String purl, String cpe) { }

    /** {@code purl}/{@code cpe}: what the row now carries (null when rejected); {@code assets}: re-matched. */
    public record Result(String supplier, String name, boolean confirmed, String purl, String cpe, Set<Long> assets,
                         FindingRecorder.Result findings) { }

    private final Mamori mamori;

    public ConfirmIdentifier(Mamori mamori) {
        this.mamori = mamori;
    }

    public Result run(Actor actor, long orgId, Input in) {
        if (!actor.securityOfficer()) {
            throw new InventoryException("識別子を確認・却下できるのは情報セキュリティ担当のみです（団体全体の訂正一覧のため） / "
                    + "only a security officer confirms or rejects identifiers (the correction list applies to the whole organisation)");
        }
        if (in.verdict() == null) throw new InvalidInputException("確認か却下かを指定してください / say confirm or reject");
        String ref = in.componentRef() == null ? null : in.componentRef().strip();
        if (ref == null || ref.isEmpty() || ref.length() > 600) {
            throw new InvalidInputException("コンポーネントの参照（row-N など）を指定してください / give the component's reference (such as row-3)");
        }
        String purl = blankToNull(in.purl());
        String cpe = blankToNull(in.cpe());
        boolean corrected = purl != null || cpe != null;
        if (in.verdict() == Verdict.REJECT && corrected) {
            throw new InvalidInputException("却下では purl・CPE を指定できません（訂正するなら確認で指定してください） / "
                    + "a rejection takes no purl or CPE (to correct the identifier, confirm with it)");
        }
        if (purl != null) purl = validPurl(purl);
        if (cpe != null) cpe = validCpe(cpe);
        IdentifierConfirmationStore store = mamori.identifierConfirmations();

        CurrentComponent row = read(orgId, in.assetId(), ref, store);
        if (!row.vendorTableRow()) {
            throw new InvalidInputException("「" + ref + "」の識別子はSBOMに記載されたものです。確認の対象は、Mamoriが推定したベンダー表の行だけです / "
                    + "the identifiers of '" + ref + "' are declared by the SBOM; only vendor-table rows whose identifiers Mamori suggested are confirmed");
        }
        boolean confirm = in.verdict() == Verdict.CONFIRM;
        String usePurl = corrected ? purl : row.purl();
        String useCpe = corrected ? cpe : row.cpe();
        if (confirm && usePurl == null && useCpe == null) {
            throw new InvalidInputException("「" + ref + "」には確認する識別子がありません。purl か CPE を指定してください / '" + ref
                    + "' has no identifier to confirm; give a purl or a CPE");
        }
        Decision decision = new Decision(IdentifierConfirmationStore.key(row.supplier()), IdentifierConfirmationStore.key(row.name()),
                confirm, confirm ? usePurl : null, confirm ? useCpe : null);
        String suggestedPurl = row.origin() == IdentifierOrigin.SUGGESTED ? row.purl() : null;
        String suggestedCpe = row.origin() == IdentifierOrigin.SUGGESTED ? row.cpe() : null;

        // every asset whose current table has a row of this supplier/name is written: one writer each, in id order
        Set<Long> lockIds = new TreeSet<>(affectedAssets(orgId, decision));
        lockIds.add(in.assetId());
        List<AssetLocks.Held> held = new ArrayList<>();
        try {
            for (long id : lockIds) held.add(mamori.assetLocks().lock(id));
            Result r = mamori.database().inUnitOfWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM asset WHERE id = ? AND organization_id = ? FOR UPDATE")) {
                    ps.setLong(1, in.assetId());
                    ps.setLong(2, orgId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new InventoryException("資産が見つかりません / no such asset");
                    }
                }
                CurrentComponent now = store.currentComponent(c, orgId, in.assetId(), ref)
                        .orElseThrow(() -> noComponent(ref));
                store.save(c, orgId, decision, suggestedPurl, suggestedCpe, actor.name(), mamori.clock().instant());
                Set<Long> assets = store.applyToCurrent(c, orgId, decision);
                FindingRecorder.Result findings = FindingRecorder.Result.NONE;
                for (long assetId : new TreeSet<>(assets)) findings = sum(findings, mamori.assessment().assessAsset(orgId, assetId, actor.name()));
                CurrentComponent after = store.currentComponent(c, orgId, in.assetId(), ref).orElse(now);
                Audited.record(mamori, c, actor, orgId, confirm ? Audited.IDENTIFIER_CONFIRMED : Audited.IDENTIFIER_REJECTED,
                        "asset:" + in.assetId(), "component=" + AuditDetail.quote(ref)
                                + (confirm ? (after.purl() == null ? "" : " purl=" + after.purl()) + (after.cpe() == null ? "" : " cpe=" + after.cpe()) : "")
                                + (suggestedPurl == null ? "" : " suggested_purl=" + suggestedPurl)
                                + (suggestedCpe == null ? "" : " suggested_cpe=" + suggestedCpe)
                                + " assets=" + assets.size()
                                + " " + findings.auditFields(false)
                                + " supplier=" + AuditDetail.quote(row.supplier()) + " name=" + AuditDetail.quote(row.name()));
                return new Result(row.supplier(), row.name(), confirm, after.purl(), after.cpe(), assets, findings);
            });
            mamori.followUp().after(r.findings());
            return r;
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) held.get(i).close();
        }
    }

    private CurrentComponent read(long orgId, long assetId, String ref, IdentifierConfirmationStore store) {
        try (java.sql.Connection c = mamori.database().connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM asset WHERE id = ? AND organization_id = ?")) {
                ps.setLong(1, assetId);
                ps.setLong(2, orgId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new InventoryException("資産が見つかりません / no such asset");
                }
            }
            return store.currentComponent(c, orgId, assetId, ref).orElseThrow(() -> noComponent(ref));
        } catch (java.sql.SQLException e) {
            throw new InventoryException("コンポーネントを読めません / cannot read the component: " + e.getMessage(), e);
        }
    }

    private Set<Long> affectedAssets(long orgId, Decision d) {
        Set<Long> out = new TreeSet<>();
        try (java.sql.Connection c = mamori.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT k.asset_id, k.supplier, k.name FROM component k JOIN sbom_document d "
                     + "ON d.id = k.sbom_id WHERE k.organization_id = ? AND k.current_doc = TRUE AND d.format = ?")) {
            ps.setLong(1, orgId);
            ps.setString(2, jp.mamori.inventory.sbom.table.VendorTableReader.FORMAT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (IdentifierConfirmationStore.key(rs.getString(2)).equals(d.supplierKey())
                            && IdentifierConfirmationStore.key(rs.getString(3)).equals(d.nameKey())) out.add(rs.getLong(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new InventoryException("コンポーネントを読めません / cannot read components: " + e.getMessage(), e);
        }
        return out;
    }

    private static InventoryException noComponent(String ref) {
        return new InventoryException("資産の現在のSBOMにコンポーネント「" + ref + "」はありません / the asset's current SBOM has no component '" + ref + "'");
    }

    private static String validPurl(String purl) {
        if (purl.length() > 1000) throw new InvalidInputException("purl が長すぎます（最大1000文字） / the purl is longer than 1000 characters");
        try {
            return new PackageURL(purl).canonicalize();
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new InvalidInputException("purl として読めません（pkg:型/名前空間/名前@版） / not a valid purl (pkg:type/namespace/name@version): " + purl);
        }
    }

    private static String validCpe(String cpe) {
        if (cpe.length() > 600) throw new InvalidInputException("CPE が長すぎます（最大600文字） / the CPE is longer than 600 characters");
        return Cpe23.tryParse(cpe).map(Cpe23::toString).orElseThrow(() -> new InvalidInputException(
                "CPE 2.3 の名前として読めません（cpe:2.3:部品:ベンダー:製品:版:…） / not a CPE 2.3 name (cpe:2.3:part:vendor:product:version:…): " + cpe));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static FindingRecorder.Result sum(FindingRecorder.Result a, FindingRecorder.Result b) {
        return new FindingRecorder.Result(a.detected() + b.detected(), a.reopened() + b.reopened(), a.updated() + b.updated(),
                a.unchanged() + b.unchanged(), a.closed() + b.closed());
    }
}
