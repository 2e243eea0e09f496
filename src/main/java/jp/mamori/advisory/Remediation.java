package jp.mamori.advisory;

import java.util.List;

/** A vendor remediation: category "vendor_fix", "workaround", "mitigation", "no_fix_planned", "none_available". */
public record Remediation(String category, String details, String url, List<String> productIds) {
    public Remediation {
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }
}
