package jp.mamori.app.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.store.FeedStatus;

/**
 * Whether the knowledge base can answer "is anything here vulnerable?" at all. A scan over no
 * records, or over records last refreshed months ago, finds nothing and looks like an all-clear;
 * every front end asks this first and says so (issue 12.9).
 *
 * <p>Only the sources that can make a finding count (NVD, CVE 5, JVN, OSV, CSAF advisories): KEV,
 * EPSS and VEX refine findings but find none, so a knowledge base holding only them is empty. The
 * age is the data's own date (NVD lastModified, OSV modified …), not the import time: an offline
 * bundle imported today may carry data from months ago.
 *
 * @param records     advisory statements that can make a finding
 * @param newestData  the newest of their own dates; null when none carries one
 * @param ageDays     whole days from {@code newestData} to now; -1 when unknown
 * @param maxAgeDays  the age allowed; 0 or less means no age check
 */
public record KnowledgeFreshness(long records, Instant newestData, long ageDays, int maxAgeDays) {

    /** Days a knowledge base may be old before a scan warns, unless the setting says otherwise. */
    public static final int DEFAULT_MAX_AGE_DAYS = 14;

    private static final Set<String> NOT_FINDING = Set.of(Source.KEV.key(), Source.EPSS.key(), Source.OPENVEX.key(),
            Source.CYCLONEDX_VEX.key());

    public enum State { EMPTY, STALE, CURRENT }

    public static KnowledgeFreshness of(List<FeedStatus.Row> rows, Clock clock, int maxAgeDays) {
        List<FeedStatus.Row> finding = rows.stream().filter(r -> !NOT_FINDING.contains(r.source())).toList();
        FeedStatus.Overall o = FeedStatus.overall(finding);
        long age = o.newestData() == null ? -1 : Math.max(0, Duration.between(o.newestData(), clock.instant()).toDays());
        return new KnowledgeFreshness(o.records(), o.newestData(), age, maxAgeDays);
    }

    /**
     * The same answer from the statement counts a current match index carries (ADR 0015): the
     * sources {@link FeedStatus} counts in the statements table, each with its count and newest date.
     */
    public static KnowledgeFreshness ofIndex(List<jp.mamori.advisory.index.SourceStatements> counts, Clock clock, int maxAgeDays) {
        Set<String> statementSources = java.util.Arrays.stream(Source.values()).map(Source::key).collect(java.util.stream.Collectors.toSet());
        List<FeedStatus.Row> rows = counts.stream().filter(c -> statementSources.contains(c.source()))
                .map(c -> new FeedStatus.Row(c.source(), c.statements(), c.newestModified(), null, null, null, null)).toList();
        return of(rows, clock, maxAgeDays);
    }

    public State state() {
        if (records == 0) return State.EMPTY;
        if (maxAgeDays > 0 && ageDays > maxAgeDays) return State.STALE;
        return State.CURRENT;
    }

    /** The newest data's date in Asia/Tokyo, "-" when unknown. */
    public String newestDate() {
        return newestData == null ? "-" : newestData.atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate().toString();
    }
}
