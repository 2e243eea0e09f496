package jp.mamori.advisory.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mamori.advisory.Source;

/**
 * NVD CVE API 2.0, incremental.
 *
 * <ul>
 * <li>Paging with {@code startIndex} + {@code resultsPerPage} (≤ 2000); the next index comes from the
 *     page itself (startIndex + number of records), the end from {@code totalResults}.</li>
 * <li>Incremental windows {@code lastModStartDate}/{@code lastModEndDate}, at most
 *     {@code nvd.windowDays} (≤ 120) apart, from the end of the last successful sync up to now. Dates are
 *     sent in the extended ISO-8601 form with an explicit UTC offset, e.g. {@code 2026-11-01T00:00:00.000Z}
 *     (NVD answers 404 "Invalid ISO 8601 date/time format" without an offset).</li>
 * <li>First sync without state and without {@code since}: every CVE (no date filter); afterwards
 *     incremental from the time that first sync started. With {@code since}: windows from that date.</li>
 * <li>The {@code apiKey} header when a key is configured; {@value #DELAY_NOTE}.</li>
 * <li>403/429/503 are retried with back-off (Retry-After honoured), see {@link HttpFetcher}.</li>
 * <li>Resume: after each handled page the window and the next {@code startIndex} are saved; an interrupted
 *     sync continues there with the same window bounds, so pages already handled are not fetched again.</li>
 * </ul>
 */
public final class NvdSyncClient extends SourceSyncClient {

    static final String DELAY_NOTE = "between requests it waits nvd.delayWithoutKey (6 s) or nvd.delayWithKey (0.6 s)";

    /** NVD's parameter format: extended ISO-8601 with milliseconds and an explicit offset (Z). */
    public static final DateTimeFormatter NVD_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DIR_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public NvdSyncClient(SyncEnvironment env) {
        super(env);
    }

    @Override
    public Source source() {
        return Source.NVD;
    }

    /** One query range: a lastMod window, or the whole NVD (start and end null). */
    private record Segment(Instant start, Instant end, Instant fullStartedAt) {
        boolean full() { return start == null; }

        Instant completesAt() { return full() ? fullStartedAt : end; }
    }

    @Override
    public String sync(DocumentHandler handler, ProgressReporter reporter, RunStats stats) throws FeedSyncException, InterruptedException {
        env.cache().cleanTemp(source());
        SyncSettings s = env.settings();
        ObjectNode state = env.state().load(source());
        Instant now = env.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        String requestedSince = s.since() == null ? null : s.since().toString();
        JsonNode ip = state.get("inProgress");
        boolean resume = ip != null && ip.isObject() && (requestedSince == null || requestedSince.equals(text(ip, "requestedSince")));
        if (resume && text(ip, "requestedSince") != null) requestedSince = text(ip, "requestedSince");

        Segment first;
        int startIndex = 0;
        if (resume) {
            Instant fullStarted = instant(text(ip, "fullStartedAt"));
            first = "full".equals(text(ip, "mode"))
                    ? new Segment(null, null, fullStarted == null ? now : fullStarted)
                    : new Segment(instant(text(ip, "start")), instant(text(ip, "end")), null);
            if (!first.full() && (first.start() == null || first.end() == null)) {
                throw new FeedSyncException("the stored NVD resume state is damaged: " + ip, null, 0);
            }
            startIndex = Math.max(0, ip.path("nextStartIndex").asInt(0));
            reporter.message(source(), "resuming " + describe(first) + " at startIndex " + startIndex);
        } else {
            Instant from;
            if (s.since() != null) {
                from = s.since().atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                from = instant(text(state, "lastModEnd"));
            }
            if (from == null) {
                first = new Segment(null, null, now);
                reporter.message(source(), "first sync: fetching every CVE (use --since to fetch only recent changes)");
            } else if (!from.isBefore(now)) {
                return "unchanged: already synchronised up to " + NVD_TIME.format(from);
            } else {
                first = window(from, now, s.nvd().windowDays());
            }
        }

        int pages = 0;
        long records = 0;
        Segment seg = first;
        while (seg != null) {
            int[] counts = runSegment(seg, startIndex, requestedSince, handler, reporter, stats, state);
            pages += counts[0];
            records += counts[1];
            startIndex = 0;
            Instant done = seg.completesAt();
            state.put("lastModEnd", NVD_TIME.format(done));
            state.remove("inProgress");
            env.state().save(source(), state);
            seg = done.isBefore(now) ? window(done, now, s.nvd().windowDays()) : null;
        }
        String upTo = "up to " + NVD_TIME.format(instant(text(state, "lastModEnd")));
        return records == 0
                ? "unchanged: no CVE modified, " + upTo
                : pages + " page(s), " + records + " CVE record(s), " + upTo;
    }

    private static Segment window(Instant from, Instant now, int days) {
        Instant end = from.plus(Duration.ofDays(days));
        return new Segment(from, end.isAfter(now) ? now : end, null);
    }

    /** @return {pages, records} */
    private int[] runSegment(Segment seg, int startIndex, String requestedSince, DocumentHandler handler, ProgressReporter reporter,
                             RunStats stats, ObjectNode state) throws FeedSyncException, InterruptedException {
        SyncSettings s = env.settings();
        int pages = 0;
        long records = 0;
        int index = startIndex;
        saveProgress(state, seg, index, requestedSince);
        while (true) {
            Query q = new Query();
            if (!seg.full()) {
                q.add("lastModStartDate", NVD_TIME.format(seg.start())).add("lastModEndDate", NVD_TIME.format(seg.end()));
            }
            q.add("resultsPerPage", s.nvd().pageSize()).add("startIndex", index);
            URI uri = q.appendTo(s.nvd().url());
            Map<String, String> headers = new LinkedHashMap<>();
            if (s.nvd().hasApiKey()) headers.put("apiKey", s.nvd().apiKey());
            pace(s.nvd().delay());
            HttpFetcher.Result r = fetch(uri, headers, true, reporter, stats);
            DocumentProbe.NvdPage page;
            try {
                page = DocumentProbe.nvdPage(r.file());
            } catch (IOException e) {
                throw badDocument(r, "an NVD CVE API 2.0 page", e);
            }
            Path file = store(r.file(), directory(seg) + "/cves-" + String.format("%07d", index) + ".json");
            handle(handler, file, reporter, stats);
            pages++;
            records += page.count();
            int next = index + page.count();
            reporter.message(source(), describe(seg) + ": " + Math.min(next, page.totalResults()) + " of " + page.totalResults());
            if (page.count() == 0 || next >= page.totalResults()) {
                return new int[] {pages, (int) Math.min(Integer.MAX_VALUE, records)};
            }
            index = next;
            saveProgress(state, seg, index, requestedSince);
        }
    }

    private void saveProgress(ObjectNode state, Segment seg, int nextStartIndex, String requestedSince) {
        ObjectNode ip = state.putObject("inProgress");
        ip.put("mode", seg.full() ? "full" : "window");
        if (seg.full()) {
            ip.put("fullStartedAt", NVD_TIME.format(seg.fullStartedAt()));
        } else {
            ip.put("start", NVD_TIME.format(seg.start()));
            ip.put("end", NVD_TIME.format(seg.end()));
        }
        ip.put("nextStartIndex", nextStartIndex);
        if (requestedSince != null) ip.put("requestedSince", requestedSince);
        env.state().save(source(), state);
    }

    private static String directory(Segment seg) {
        return seg.full() ? "full-" + DIR_TIME.format(seg.fullStartedAt())
                : "modified-" + DIR_TIME.format(seg.start()) + "_" + DIR_TIME.format(seg.end());
    }

    private static String describe(Segment seg) {
        return seg.full() ? "all CVEs" : "modified " + NVD_TIME.format(seg.start()) + " .. " + NVD_TIME.format(seg.end());
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
