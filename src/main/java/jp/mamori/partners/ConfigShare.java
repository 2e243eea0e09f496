package jp.mamori.partners;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A configuration package handed to a partner: when, to whom, its SHA-256, when the next one is due, and the
 * SHA-256 of the boundary devices it described ({@code boundarySha256}; null for shares recorded before that was kept).
 */
public record ConfigShare(long id, long vendorId, String vendorName, LocalDate sharedOn, String recipient, String sha256, LocalDate nextDue,
                          String recordedBy, Instant recordedAt, String boundarySha256) {
    /** The next due date when a boundary device changed after the share (the readiness report and the contact list say it alike). */
    public static final String DUE_NOW_BOUNDARY_CHANGED = "今すぐ（共有後に境界装置が変更されました）";

    public boolean overdue(LocalDate today) {
        return nextDue.isBefore(today);
    }

    /** Whether the boundary devices differ from those shared (never for a share that kept no fingerprint). */
    public boolean boundaryChanged(String currentBoundarySha256) {
        return boundarySha256 != null && currentBoundarySha256 != null && !boundarySha256.equals(currentBoundarySha256);
    }

    /** Why the share is due now (Japanese), or null while it is current. */
    public String dueNow(LocalDate today, String currentBoundarySha256) {
        if (boundaryChanged(currentBoundarySha256)) return DUE_NOW_BOUNDARY_CHANGED;
        if (overdue(today)) return "期限超過（次回期限 " + nextDue + "）";
        return null;
    }
}
