package jp.mamori.advisory.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.mamori.advisory.Source;

/**
 * JVN iPedia through the MyJVN API (ver. HND).
 *
 * <ul>
 * <li>{@code getVulnOverviewList} with an explicit date range (the API's default is the last week
 *     only): by default the last-update date ({@code datePublishedStartY/M/D} ..
 *     {@code datePublishedEndY/M/D}, 最終更新日), the other two {@code rangeDate*} set to {@code n}.
 *     Dates are Japan time. Windows of at most {@code jvn.windowDays}.</li>
 * <li>Paging with {@code startItem}/{@code maxCountItem} (≤ 50), read from the response's
 *     {@code status:Status} {@code totalRes}, {@code totalResRet}, {@code firstRes}; a {@code retCd} of 1
 *     fails with the API's {@code errCd}/{@code errMsg}.</li>
 * <li>Then {@code getVulnDetailInfo} (VULDEF) for the page's ids, at most 10 per call joined with '+'.
 *     Each overview page is handed over before its detail documents, so the richer detail wins.</li>
 * <li>Resume: after an overview page and its details are handled, the next {@code startItem} is saved.</li>
 * </ul>
 */
public final class MyJvnSyncClient extends SourceSyncClient {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final DateTimeFormatter DIR_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public MyJvnSyncClient(SyncEnvironment env) {
        super(env);
    }

    @Override
    public Source source() {
        return Source.JVN;
    }

    @Override
    public String sync(DocumentHandler handler, ProgressReporter reporter, RunStats stats) throws FeedSyncException, InterruptedException {
        env.cache().cleanTemp(source());
        SyncSettings s = env.settings();
        ObjectNode state = env.state().load(source());
        LocalDate today = LocalDate.now(env.clock().withZone(JST));
        String requestedSince = s.since() == null ? null : s.since().toString();
        JsonNode ip = state.get("inProgress");
        boolean resume = ip != null && ip.isObject() && (requestedSince == null || requestedSince.equals(text(ip, "requestedSince")));
        if (resume && text(ip, "requestedSince") != null) requestedSince = text(ip, "requestedSince");

        LocalDate start;
        LocalDate end;
        int startItem = 1;
        if (resume) {
            start = date(text(ip, "start"));
            end = date(text(ip, "end"));
            if (start == null || end == null) throw new FeedSyncException("the stored MyJVN resume state is damaged: " + ip, null, 0);
            startItem = Math.max(1, ip.path("nextStartItem").asInt(1));
            reporter.message(source(), "resuming " + start + " .. " + end + " at startItem " + startItem);
        } else {
            LocalDate last = date(text(state, "lastEndDate"));
            start = s.since() != null ? s.since() : last != null ? last : today.minusDays(s.jvn().initialLookbackDays());
            if (start.isAfter(today)) return "unchanged: nothing to fetch after " + today;
            end = min(start.plusDays(s.jvn().windowDays() - 1L), today);
        }

        int overviews = 0;
        int entries = 0;
        while (true) {
            int[] counts = runWindow(start, end, startItem, requestedSince, handler, reporter, stats, state);
            overviews += counts[0];
            entries += counts[1];
            state.put("lastEndDate", end.toString());
            state.remove("inProgress");
            env.state().save(source(), state);
            if (!end.isBefore(today)) break;
            start = end.plusDays(1);
            end = min(start.plusDays(s.jvn().windowDays() - 1L), today);
            startItem = 1;
        }
        String upTo = "up to " + end + " (JST)";
        return entries == 0 ? "unchanged: no JVN entry updated, " + upTo
                : overviews + " overview page(s), " + entries + " JVNDB entr" + (entries == 1 ? "y" : "ies") + ", " + upTo;
    }

    /** @return {overview pages, entries} */
    private int[] runWindow(LocalDate start, LocalDate end, int firstItem, String requestedSince, DocumentHandler handler,
                            ProgressReporter reporter, RunStats stats, ObjectNode state) throws FeedSyncException, InterruptedException {
        SyncSettings s = env.settings();
        String dir = DIR_DATE.format(start) + "_" + DIR_DATE.format(end);
        int pages = 0;
        int entries = 0;
        int startItem = firstItem;
        saveProgress(state, start, end, startItem, requestedSince);
        while (true) {
            URI uri = overviewQuery(start, end, startItem).appendTo(s.jvn().url());
            pace(s.jvn().delay());
            HttpFetcher.Result r = fetch(uri, Map.of(), false, reporter, stats);
            DocumentProbe.MyJvnStatus st = status(r, "getVulnOverviewList");
            String prefix = String.format("p%06d", startItem);
            Path overview = store(r.file(), dir + "/" + prefix + "-0-overview.xml");
            handle(handler, overview, reporter, stats);
            pages++;
            List<String> ids = new ArrayList<>();
            for (String id : st.ids()) {
                if (ID.matcher(id).matches()) {
                    ids.add(id);
                } else {
                    reporter.message(source(), "skipped an unexpected identifier in " + uri + ": " + id);
                }
            }
            entries += ids.size();
            int batch = 0;
            for (int i = 0; i < ids.size(); i += s.jvn().detailBatch()) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + s.jvn().detailBatch()));
                URI detailUri = new Query().add("method", "getVulnDetailInfo").add("feed", "hnd").add("lang", s.jvn().lang())
                        .add("maxCountItem", chunk.size()).raw("vulnId", String.join("+", chunk)).appendTo(s.jvn().url());
                pace(s.jvn().delay());
                HttpFetcher.Result d = fetch(detailUri, Map.of(), false, reporter, stats);
                status(d, "getVulnDetailInfo");
                batch++;
                Path detail = store(d.file(), dir + "/" + prefix + "-1-detail-" + String.format("%02d", batch) + ".xml");
                handle(handler, detail, reporter, stats);
            }
            int first = st.firstRes() > 0 ? st.firstRes() : startItem;
            int next = first + st.totalResRet();
            reporter.message(source(), start + " .. " + end + ": " + Math.min(next - 1, st.totalRes()) + " of " + st.totalRes());
            if (st.totalResRet() <= 0 || next > st.totalRes()) return new int[] {pages, entries};
            startItem = next;
            saveProgress(state, start, end, startItem, requestedSince);
        }
    }

    private Query overviewQuery(LocalDate start, LocalDate end, int startItem) {
        SyncSettings s = env.settings();
        JvnSyncSettings.DateFilter f = s.jvn().dateFilter();
        Query q = new Query().add("method", "getVulnOverviewList").add("feed", "hnd").add("lang", s.jvn().lang())
                .add("startItem", startItem).add("maxCountItem", s.jvn().pageSize());
        // The default of every rangeDate* is "the last week": switch off all but the filtered one, which the explicit dates replace.
        for (JvnSyncSettings.DateFilter other : JvnSyncSettings.DateFilter.values()) {
            if (other != f) q.add(other.rangeParam(), "n");
        }
        String p = f.paramPrefix();
        q.add(p + "StartY", start.getYear()).add(p + "StartM", String.format("%02d", start.getMonthValue()))
                .add(p + "StartD", String.format("%02d", start.getDayOfMonth()))
                .add(p + "EndY", end.getYear()).add(p + "EndM", String.format("%02d", end.getMonthValue()))
                .add(p + "EndD", String.format("%02d", end.getDayOfMonth()));
        return q;
    }

    private DocumentProbe.MyJvnStatus status(HttpFetcher.Result r, String method) throws FeedSyncException {
        DocumentProbe.MyJvnStatus st;
        try {
            st = DocumentProbe.myJvn(r.file());
        } catch (IOException e) {
            throw badDocument(r, "a MyJVN " + method + " response", e);
        }
        if (st.retCd() != 0) {
            deleteQuietly(r.file());
            throw new FeedSyncException("MyJVN " + method + " error " + (st.errCd().isEmpty() ? "" : st.errCd() + " ")
                    + "from " + r.uri() + (st.errMsg().isEmpty() ? "" : ": " + st.errMsg()), r.uri().toString(), r.status());
        }
        return st;
    }

    private void saveProgress(ObjectNode state, LocalDate start, LocalDate end, int nextStartItem, String requestedSince) {
        ObjectNode ip = state.putObject("inProgress");
        ip.put("start", start.toString());
        ip.put("end", end.toString());
        ip.put("nextStartItem", nextStartItem);
        if (requestedSince != null) ip.put("requestedSince", requestedSince);
        env.state().save(source(), state);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
