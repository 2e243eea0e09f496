package jp.mamori.web.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.sbom.SbomWarning;
import jp.mamori.remediation.FindingRecorder;

/** The JSON answers of {@code /api/v1/systems/{id}}, {@code /api/v1/assets/{id}} and the SBOM endpoints (stable names and order). */
final class InventoryJson {
    private InventoryJson() { }

    @JsonPropertyOrder({"system", "assets"})
    record SystemDetail(ItSystem system, List<Asset> assets) { }

    /** {@code openFindings}: open findings by outcome key. */
    @JsonPropertyOrder({"asset", "openFindings", "sboms"})
    record AssetDetail(Asset asset, Map<String, Long> openFindings, List<SbomStore.StoredSbom> sboms) { }

    /** What the upload reached: the tier required for the asset and the one the document gives ({@code none} below every tier). */
    @JsonPropertyOrder({"required", "achieved", "meetsRequired"})
    record Scope(String required, String achieved, boolean meetsRequired) { }

    /**
     * One warning in its parts — {@code place} (JSON pointer or XML line/column; null for the whole document), {@code ja},
     * {@code en} — and the line as the SBOM page shows it ({@code text}).
     */
    @JsonPropertyOrder({"place", "ja", "en", "text"})
    record Warning(String place, String ja, String en, String text) {
        static Warning of(String line) {
            SbomWarning w = SbomWarning.parse(line);
            return new Warning(w.place(), w.ja(), w.en(), line);
        }
    }

    /** {@code POST /api/v1/assets/{id}/sboms} (201). */
    @JsonPropertyOrder({"sbom", "findings", "componentsWithoutIdentifier", "scope", "warningCount", "acceptance", "warnings", "held",
            "wouldClose"})
    record Uploaded(SbomStore.StoredSbom sbom, FindingRecorder.Result findings, long componentsWithoutIdentifier, Scope scope,
                    int warningCount, String acceptance, List<Warning> warnings, boolean held, int wouldClose) {
        static Uploaded of(SbomUpload.Result r) {
            return new Uploaded(r.sbom(), r.findings(), r.withoutIdentifier(),
                    new Scope(r.scope().required().name().toLowerCase(Locale.ROOT),
                            r.scope().achieved().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse("none"), r.scope().meetsRequired()),
                    r.warnings().size(), InventoryApiController.acceptance(r.warnings().size()), InventoryApiController.warnings(r.warnings()),
                    r.held(), r.wouldClose());
        }
    }

    /** {@code POST /api/v1/sboms/{id}/confirm}. */
    @JsonPropertyOrder({"sbom", "findings"})
    record Confirmed(SbomStore.StoredSbom sbom, FindingRecorder.Result findings) { }

    /** {@code POST /api/v1/sboms/{id}/components/{ref}/confirm-id}: {@code assets} counts the assets the identifier was applied to. */
    @JsonPropertyOrder({"component", "supplier", "name", "verdict", "purl", "cpe", "assets", "findings"})
    record IdentifierConfirmed(String component, String supplier, String name, String verdict, String purl, String cpe, int assets,
                               FindingRecorder.Result findings) { }

    /** {@code GET /api/v1/sboms/{id}}: the document and one page of its components. */
    @JsonPropertyOrder({"sbom", "total", "page", "size", "components"})
    record SbomPage(SbomStore.StoredSbom sbom, long total, int page, int size, List<ScopedInventory.Component> components) { }
}
