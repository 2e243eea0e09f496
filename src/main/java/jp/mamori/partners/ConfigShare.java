package jp.mamori.partners;

import java.time.Instant;
import java.time.LocalDate;

/** A configuration package handed to a partner: when, to whom, its SHA-256, and when the next one is due. */
public record ConfigShare(long id, long vendorId, String vendorName, LocalDate sharedOn, String recipient, String sha256, LocalDate nextDue,
                          String recordedBy, Instant recordedAt) {
    public boolean overdue(LocalDate today) {
        return nextDue.isBefore(today);
    }
}
