package jp.mamori.web.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.FindingState;
import jp.mamori.security.AccessScope;
import jp.mamori.web.findings.FindingViews;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Component;

/**
 * 「今すぐ対応」: the open Act and Attend findings the caller may see, most urgent first (outcome,
 * internet-boundary devices, then the earliest due date), counts per outcome and what is overdue.
 */
@Component
public class Dashboard {

    public static final int TOP = 50;

    /**
     * Findings whose patch is still owed: open ones, and mitigated ones (a workaround is temporary;
     * the patch deadline stands). Accepted, not affected, false positives and fixed ones are done.
     */
    public static final List<FindingState> STILL_TO_PATCH = jp.mamori.remediation.FindingQuery.Filter.stillToPatch().states();

    private final FindingViews views;
    private final Database database;

    public Dashboard(FindingViews views, Database database) {
        this.views = views;
        this.database = database;
    }

    public record View(Map<String, Long> counts, long overdue, long boundaryAct, List<FindingRow> urgent, long urgentTotal,
                       Map<Long, String> explanations, Instant feedsUpdated) { }

    public View build(AccessScope scope, long orgId, LocalDate today, Locale locale) {
        FindingQuery q = views.query();
        FindingQuery.Filter open = Tenancy.scoped(scope, new FindingQuery.Filter(STILL_TO_PATCH, null, null, null, false, null, null, null));
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String o : List.of("act", "attend", "track-star", "track")) counts.put(o, q.count(orgId, withOutcome(open, o)));
        long overdue = q.count(orgId, open, new FindingQuery.Search(null, null, null, today));
        FindingQuery.Filter act = withOutcome(open, "act");
        FindingQuery.Filter attend = withOutcome(open, "attend");
        long boundaryAct = q.count(orgId, act, new FindingQuery.Search(null, null, true, null));
        List<FindingRow> urgent = new ArrayList<>(q.list(orgId, act, FindingQuery.Search.none(), FindingQuery.Sort.PRIORITY, false, TOP, 0));
        if (urgent.size() < TOP) {
            urgent.addAll(q.list(orgId, attend, FindingQuery.Search.none(), FindingQuery.Sort.PRIORITY, false, TOP - urgent.size(), 0));
        }
        long urgentTotal = counts.getOrDefault("act", 0L) + counts.getOrDefault("attend", 0L);
        Instant feeds = FeedStatus.read(database.dataSource()).stream().map(FeedStatus.Row::lastUpdate)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        return new View(counts, overdue, boundaryAct, urgent, urgentTotal, views.explanations(urgent, locale), feeds);
    }

    private static FindingQuery.Filter withOutcome(FindingQuery.Filter f, String outcome) {
        return new FindingQuery.Filter(f.states(), outcome, f.systemId(), f.assetId(), false, f.systemIds(), f.vendor(), f.vulnId());
    }
}
