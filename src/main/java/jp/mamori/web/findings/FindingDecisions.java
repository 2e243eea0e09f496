package jp.mamori.web.findings;

import jp.mamori.security.AccessScope;

/**
 * ===== REMEDIATION WORKFLOW GOES HERE =====
 * The decision and mitigation part of a finding (apply patch / mitigate / accept risk / not
 * affected / false positive, who, when, why). Written by the remediation workflow (package
 * jp.mamori.remediation: FindingWorkflow, MitigationService): provide one bean implementing this
 * interface. Until then the finding page shows a marked empty section
 * ({@code templates/findings/decision.html}) and the API answers {@code "decision": null}.
 */
public interface FindingDecisions {

    /** What the page's panel and the API (under {@code "decision"}) show for this finding. */
    DecisionView describe(AccessScope scope, long organizationId, long findingId);

    /**
     * The Thymeleaf fragment the finding page includes in its decision section, e.g.
     * {@code "remediation/decision :: panel"}; the model holds {@code finding} (FindingRow) and
     * {@code decision} (what {@link #describe} returned).
     */
    String fragment();

    /** The fragment with the decision form shown at the top of the finding (issue 12: one screen), or null for none. */
    default String formFragment() {
        return null;
    }
}
