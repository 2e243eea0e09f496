package jp.mamori.advisory.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.intake.JsonFields;
/**
 * VEX statements of one vulnerability of a CSAF VEX ({@code csaf_vex}) document, one per
 * product status entry:
 * known_not_affected → NOT_AFFECTED, justification from the {@code flags[].label} covering the
 * product and impact from the {@code threats[category=impact]} covering it; fixed/first_fixed →
 * FIXED; known_affected/first_affected/last_affected → AFFECTED, action from the remediations
 * covering the product; under_investigation → UNDER_INVESTIGATION. "recommended" is not a VEX
 * status and yields nothing. The product is named by its purl, else CPE, else full name, else id.
 */
public final class CsafVexMapper {
    private static final Map<String, VexStatus> STATUS = Map.of(
            "known_not_affected", VexStatus.NOT_AFFECTED,
            "fixed", VexStatus.FIXED,
            "first_fixed", VexStatus.FIXED,
            "known_affected", VexStatus.AFFECTED,
            "first_affected", VexStatus.AFFECTED,
            "last_affected", VexStatus.AFFECTED,
            "under_investigation", VexStatus.UNDER_INVESTIGATION);

    private final CsafDocument doc;
    private final ProductTree tree;

    public CsafVexMapper(CsafDocument doc, ProductTree tree) {
        this.doc = doc;
        this.tree = tree;
    }

    public List<VexStatement> map(JsonNode v, String vulnId) {
        List<VexStatement> out = new ArrayList<>();
        JsonNode ps = v.get("product_status");
        if (ps == null || !ps.isObject()) return out;
        for (String key : CsafVulnerabilityMapper.STATUSES) {
            VexStatus status = STATUS.get(key);
            if (status == null) continue;
            for (String id : JsonFields.texts(ps, key)) {
                String justification = null;
                String impact = null;
                String action = null;
                if (status == VexStatus.NOT_AFFECTED) {
                    justification = covering(v, "flags", id, "label", null);
                    impact = covering(v, "threats", id, "details", "impact");
                } else if (status == VexStatus.AFFECTED) {
                    action = covering(v, "remediations", id, "details", null);
                }
                out.add(new VexStatement(vulnId, productName(id), status, justification, impact, action,
                        Source.CSAF, doc.trackingId(), doc.currentRelease()));
            }
        }
        return out;
    }

    private String productName(String id) {
        ProductTree.Product p = tree.product(id);
        if (p.purl() != null) return p.purl();
        if (p.cpe() != null) return p.cpe();
        if (p.name() != null) return p.name();
        return id;
    }

    /**
     * Texts of the entries of {@code array} that cover the product (by product or group id, or
     * by naming none), joined by newlines; {@code category} filters on the entry's category.
     */
    private String covering(JsonNode v, String array, String productId, String field, String category) {
        List<String> texts = new ArrayList<>();
        for (JsonNode e : JsonFields.array(v, array)) {
            if (category != null && !category.equals(JsonFields.text(e, "category"))) continue;
            if (!ProductTree.appliesToAll(e) && !tree.productIds(e).contains(productId)) continue;
            String t = JsonFields.text(e, field);
            if (t != null && !texts.contains(t)) texts.add(t);
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }
}
