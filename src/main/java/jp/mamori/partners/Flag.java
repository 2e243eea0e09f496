package jp.mamori.partners;

import java.util.List;

/**
 * A derived risk flag with its explanation: which flag, on which contract (null for an asset that
 * no contract covers), because of which checklist item (or null), on which assets, and why — in
 * Japanese and English, naming the clause and the assets.
 */
public record Flag(RiskFlag flag, String contractCode, String vendorName, String itemKey, List<String> assets, String ja, String en) {
    public Flag {
        assets = assets == null ? List.of() : List.copyOf(assets);
    }
}
