package jp.mamori.notify;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change worth telling someone about, queued until the next flush.
 *
 * @param kind "decision", "reopened", "outcome_raised", "acceptance_expired", "overdue", "match_changed"
 * @param id   0 until stored
 */
public record NotificationEvent(long id, long organizationId, Long systemId, Long findingId, String kind, Audience audience,
                                String vulnId, String assetCode, String outcome, LocalDate due, String textJa, String textEn,
                                Instant createdAt) {

    public static NotificationEvent of(long orgId, Long systemId, Long findingId, String kind, Audience audience, String vulnId,
                                       String assetCode, String outcome, LocalDate due, String textJa, String textEn) {
        return new NotificationEvent(0, orgId, systemId, findingId, kind, audience, vulnId, assetCode, outcome, due, textJa, textEn, null);
    }

    public boolean urgent() {
        return "act".equals(outcome) || audience == Audience.SYSTEM_AND_CISO;
    }
}
