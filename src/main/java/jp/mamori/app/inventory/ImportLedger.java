package jp.mamori.app.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.ledger.Ledger;
import jp.mamori.inventory.ledger.LedgerFormatException;
import jp.mamori.inventory.ledger.LedgerImporter;
import jp.mamori.inventory.ledger.LedgerReader;
import jp.mamori.remediation.FindingRecorder;

/**
 * "Import the asset ledger" (資産管理台帳: YAML, CSV or .xlsx): checked whole before anything is
 * written (every bad row named), applied, every asset of the organisation matched, audited.
 */
public final class ImportLedger {

    private final Mamori mamori;

    public ImportLedger(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(Organization organization, LedgerImporter.Result changes, FindingRecorder.Result findings) { }

    public Result run(Actor actor, Path file) {
        if (!Files.isRegularFile(file)) throw new InvalidInputException(file + ": ファイルがありません / no such file");
        Ledger ledger;
        try {
            ledger = LedgerReader.read(file);
            LedgerImporter.validate(ledger, file.toString());
        } catch (LedgerFormatException e) {
            throw new InvalidInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
        LedgerImporter.Result r = new LedgerImporter(mamori.inventory()).apply(ledger);
        Organization org = mamori.inventory().requireOrganization(ledger.orgCode());
        // only the assets the ledger created or changed are matched again, set-based (issue 18.9)
        java.util.List<Long> touched = new java.util.ArrayList<>();
        for (Asset a : mamori.inventory().listAssets(org.id())) if (r.touchedAssets().contains(a.code())) touched.add(a.id());
        FindingRecorder.Result f = mamori.assessment().assessAssets(org.id(), touched, actor.name());
        int detected = f.detected(), reopened = f.reopened(), updated = f.updated(), unchanged = f.unchanged(), closed = f.closed();
        FindingRecorder.Result findings = new FindingRecorder.Result(detected, reopened, updated, unchanged, closed);
        Audited.record(mamori, actor, org.id(), Audited.LEDGER_IMPORTED, "organization:" + org.code(),
                "file=" + AuditDetail.quote(file.getFileName()) + " systems_new=" + r.systemsCreated() + " systems_updated=" + r.systemsUpdated()
                        + " assets_new=" + r.assetsCreated() + " assets_updated=" + r.assetsUpdated() + " findings_new=" + detected);
        mamori.followUp().after(findings);
        return new Result(org, r, findings);
    }
}
