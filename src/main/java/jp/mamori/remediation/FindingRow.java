package jp.mamori.remediation;

import java.time.Instant;
import java.time.LocalDate;

/** One stored finding as lists show it: enough to answer "what first, by when, why" at a glance. */
public record FindingRow(long id, long organizationId, long systemId, String systemName, long assetId, String assetCode,
                         String assetName, boolean boundary, String componentName, String componentVersion, String vulnId,
                         String state, String outcome, int priority, LocalDate due, String severity, Double cvssScore,
                         String exploitation, String confidence, boolean candidate, String fixedIn, String matchBy,
                         String matchSource, String criterion, Instant firstSeen) {

    /**
     * A candidate because its identifier was only suggested by Mamori (issue 13 defect 5), not because the source
     * named no version: such a match is capped at medium, while a versionless one is low.
     */
    public boolean suggested() {
        return candidate && !"low".equals(confidence);
    }

    /** The patch is still owed (listed by default, each state labelled). */
    public boolean open() {
        return FindingState.fromKey(state).isOpen();
    }

    public boolean overdue(LocalDate today) {
        return due != null && due.isBefore(today) && FindingState.fromKey(state).isOpen();
    }
}
