package jp.mamori.advisory;

import java.time.Instant;

/**
 * One VEX statement: "vulnerability X in product P has status S because J".
 *
 * @param product       product identifier as given: a purl, a CPE, or a product name/id
 * @param justification machine justification (e.g. "vulnerable_code_not_in_execute_path"), may be null
 * @param impact        free-text impact statement, may be null
 * @param action        action statement (for affected), may be null
 * @param source        which format the statement came in
 * @param documentId    id of the VEX document
 */
public record VexStatement(String vulnId, String product, VexStatus status, String justification,
                           String impact, String action, Source source, String documentId, Instant timestamp) {
}
