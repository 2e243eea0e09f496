package jp.mamori.remediation.export;

import java.time.Instant;
import jp.mamori.advisory.VexStatus;
import jp.mamori.remediation.FindingState;

/**
 * One VEX statement of the organisation: a vulnerability on one product (component or device) with
 * its status and, as the status needs, a justification, an impact statement or an action statement.
 *
 * @param productId the purl, else the CPE, else a Mamori URN for the component
 */
record VexEntry(long findingId, String vulnId, String productId, String name, String version, String purl, String cpe, FindingState state,
                VexStatus status, String justification, String impact, String action, Instant timestamp) { }
