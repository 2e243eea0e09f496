package jp.mamori.web.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.FindingRow;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.Worklist;
import jp.mamori.security.AccessScope;
import jp.mamori.web.findings.FindingViews;
import jp.mamori.web.support.Tenancy;
import org.springframework.stereotype.Component;

/**
 * 「今すぐ対応」: the open Act and Attend findings the caller may see, most urgent first (outcome,
 * internet-boundary devices, then the earliest deadline in force), and the cards of the
 * {@link Worklist} — the same query as the lists the cards link to, the CLI's summary and the API.
 */
@Component
public class Dashboard {

    public static final int TOP = 50;

    /**
     * Findings whose patch is still owed: open ones, and mitigated ones (a workaround is temporary;
     * the patch deadline stands). Accepted, not affected, false positives and fixed ones are done.
     */
    public static final List<FindingState> STILL_TO_PATCH = Worklist.OPEN_STATES;

    private final FindingViews views;
    private final Mamori mamori;

    public Dashboard(FindingViews views, Mamori mamori) {
        this.views = views;
        this.mamori = mamori;
    }

    public record View(Worklist.Summary summary, Map<String, Long> counts, long overdue, long boundaryAct, List<FindingRow> urgent,
                       long urgentTotal, Map<Long, String> explanations, Map<Long, jp.mamori.remediation.DeadlineReason> reasons,
                       Instant feedsUpdated) {

        /** The query string of the list a card links to. */
        public String link(String card) {
            StringBuilder sb = new StringBuilder();
            for (Worklist.Card c : Worklist.Card.values()) {
                if (!c.key().equals(card)) continue;
                c.listParameters().forEach((k, v) -> sb.append(sb.isEmpty() ? "?" : "&").append(k).append('=').append(v));
            }
            return "/findings" + sb;
        }
    }

    public View build(AccessScope scope, long orgId, LocalDate today, Locale locale) {
        Worklist w = mamori.worklist();
        Worklist.Summary summary = w.summary(orgId, f -> Tenancy.scoped(scope, f), today);
        List<FindingRow> urgent = w.urgent(orgId, f -> Tenancy.scoped(scope, f), TOP);
        Instant feeds = FeedStatus.lastUpdate(mamori.database().dataSource());
        return new View(summary, summary.byOutcome(), summary.overdue(), summary.boundaryAct(), urgent, summary.act() + summary.attend(),
                views.explanations(urgent, locale), views.deadlineReasons(orgId, urgent), feeds);
    }
}
