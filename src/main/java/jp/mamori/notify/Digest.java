package jp.mamori.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The daily digest of one reader's scope (the whole organisation, or the systems they administer).
 *
 * @param openByOutcome open findings per outcome key ("act", "attend", "track-star", "track")
 * @param overdue       open findings past their deadline, most urgent first
 * @param newAct        Act findings detected since the last digest, with their due dates
 * @param expiring      decisions whose date (patch-by, review, end of acceptance) is within a week
 * @param reviews       mitigation items whose review date has come
 */
public record Digest(LocalDate date, String scope, Map<String, Long> openByOutcome, List<Line> overdue, List<Line> newAct,
                     List<Line> expiring, List<Line> reviews) {

    /** One finding in a digest list. */
    public record Line(long findingId, String vulnId, String assetCode, String systemName, String outcome, LocalDate date, String note) { }

    public Digest {
        openByOutcome = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(openByOutcome)); // keeps Act first
        overdue = List.copyOf(overdue);
        newAct = List.copyOf(newAct);
        expiring = List.copyOf(expiring);
        reviews = List.copyOf(reviews);
    }
}
