package jp.mamori.advisory;

/**
 * A vendor (CSAF) statement about one product: status is one of "known_affected", "fixed",
 * "known_not_affected", "under_investigation", "first_affected", "last_affected", "recommended".
 *
 * @param productId   the product id inside the CSAF document
 * @param productName full product name from the product tree
 * @param cpe         product CPE from the product tree helper, if any
 * @param purl        product purl from the product tree helper, if any
 */
public record ProductStatus(String status, String productId, String productName, String cpe, String purl) {
}
