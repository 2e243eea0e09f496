package jp.mamori.advisory.vex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;

/**
 * CycloneDX analysis to VEX statements, one per {@code affects[].ref}:
 * resolved / resolved_with_pedigree → FIXED; not_affected / false_positive → NOT_AFFECTED
 * (a false positive without a justification keeps "false_positive" as its justification, so
 * the reason is not lost); exploitable → AFFECTED, action from recommendation, workaround and
 * responses; in_triage → UNDER_INVESTIGATION. The analysis detail is the impact text.
 * Justifications are kept in CycloneDX's vocabulary ("code_not_reachable", ...).
 */
final class CdxVexMapper {
    private static final Map<String, VexStatus> STATE = Map.of(
            "resolved", VexStatus.FIXED,
            "resolved_with_pedigree", VexStatus.FIXED,
            "exploitable", VexStatus.AFFECTED,
            "in_triage", VexStatus.UNDER_INVESTIGATION,
            "false_positive", VexStatus.NOT_AFFECTED,
            "not_affected", VexStatus.NOT_AFFECTED);

    private CdxVexMapper() { }

    static boolean isStatement(CdxVulnerability v) {
        return v.state() != null;
    }

    static List<VexStatement> map(CdxVulnerability v, List<String> products, String documentId, String file,
                                  java.time.Instant documentTimestamp) throws FeedFormatException {
        if (v.id() == null) throw new FeedFormatException(file, v.location(), "vulnerability without an id");
        VexStatus status = STATE.get(v.state());
        if (status == null) {
            throw new FeedFormatException(file, v.location(), "unknown CycloneDX analysis state '" + v.state()
                    + "' (expected resolved, resolved_with_pedigree, exploitable, in_triage, false_positive or not_affected)");
        }
        String justification = v.justification();
        if (justification == null && "false_positive".equals(v.state())) justification = "false_positive";
        String action = status == VexStatus.AFFECTED ? action(v) : null;
        java.time.Instant when = v.updated() != null ? v.updated() : documentTimestamp;
        List<VexStatement> out = new ArrayList<>();
        for (String product : products) {
            out.add(new VexStatement(v.id(), product, status, status == VexStatus.NOT_AFFECTED ? justification : null,
                    v.detail(), action, Source.CYCLONEDX_VEX, documentId, when));
        }
        return out;
    }

    private static String action(CdxVulnerability v) {
        List<String> parts = new ArrayList<>();
        if (v.recommendation() != null) parts.add(v.recommendation());
        if (v.workaround() != null) parts.add(v.workaround());
        if (!v.responses().isEmpty()) parts.add("responses: " + String.join(", ", v.responses()));
        return parts.isEmpty() ? null : String.join("\n", parts);
    }
}
