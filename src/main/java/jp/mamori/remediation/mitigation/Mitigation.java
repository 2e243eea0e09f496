package jp.mamori.remediation.mitigation;

import java.time.Instant;
import java.time.LocalDate;

/** A mitigation item on a finding, with who does it and when it is looked at again. */
public record Mitigation(long id, long organizationId, long findingId, MitigationSource source, String itemKey, String titleJa,
                         String titleEn, String details, String url, MitigationStatus status, String owner, LocalDate reviewDate,
                         Instant createdAt, Instant updatedAt, String updatedBy) {

    public boolean reviewDue(LocalDate today) {
        return reviewDate != null && !status.finished() && !reviewDate.isAfter(today);
    }
}
