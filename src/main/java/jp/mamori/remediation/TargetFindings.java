package jp.mamori.remediation;

import java.util.List;
import jp.mamori.assessment.AssessedFinding;

/**
 * The assessed findings of one target (a component or the device itself) of an asset.
 *
 * @param identity    what decisions attach to: purl without version, CPE product, "name:…", or "device"
 * @param componentId the stored component row, null for the device
 */
public record TargetFindings(String identity, Long componentId, String name, String version, List<AssessedFinding> findings) {
    public static final String DEVICE = "device";

    public TargetFindings {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
