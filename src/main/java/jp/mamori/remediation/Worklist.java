package jp.mamori.remediation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The officer's worklist: the one definition of what each dashboard card counts and what the list it
 * links to shows. The dashboard (page and {@code /api/v1/dashboard}), the findings list (page and
 * {@code /api/v1/findings}), the asset pages, {@code mamori findings summary|list} and the demo all
 * ask this class, so a card's number is the number of rows its list shows (issue 12: the dashboard
 * said 6 where its list showed 4).
 *
 * <p>Every card counts findings whose patch is still owed ({@link FindingState#isOpen()}: new, triaged,
 * patch scheduled, mitigation planned, mitigated) and that are confirmed matches (candidates wait for
 * review and have their own count); "overdue" means the deadline in force ({@code finding.due_date},
 * the decision's patch-by date once decided) lies before today in Tokyo.
 */
public final class Worklist {

    /** The dashboard's cards, each the query of the list it links to. */
    public enum Card {
        OPEN("open", null, false, false, false),
        ACT("act", "act", false, false, false),
        ATTEND("attend", "attend", false, false, false),
        TRACK_STAR("track-star", "track-star", false, false, false),
        TRACK("track", "track", false, false, false),
        OVERDUE("overdue", null, true, false, false),
        BOUNDARY_ACT("boundary-act", "act", false, true, false),
        /** Possible matches waiting for a person to confirm them (not in any other card). */
        CANDIDATES("candidates", null, false, false, true);

        private final String key;
        private final String outcome;
        private final boolean overdue;
        private final boolean boundary;
        private final boolean candidates;

        Card(String key, String outcome, boolean overdue, boolean boundary, boolean candidates) {
            this.key = key;
            this.outcome = outcome;
            this.overdue = overdue;
            this.boundary = boundary;
            this.candidates = candidates;
        }

        public String key() {
            return key;
        }

        public FindingQuery.Filter filter() {
            return new FindingQuery.Filter(OPEN_STATES, outcome, null, null, candidates, null, null, null);
        }

        public FindingQuery.Search search(LocalDate today) {
            return new FindingQuery.Search(null, null, boundary ? Boolean.TRUE : null, overdue ? today : null);
        }

        /** The query string of the findings list showing exactly this card's rows (state=open is the list's default). */
        public Map<String, String> listParameters() {
            Map<String, String> p = new LinkedHashMap<>();
            if (outcome != null) p.put("outcome", outcome);
            if (overdue) p.put("overdue", "true");
            if (boundary) p.put("boundary", "true");
            if (candidates) p.put("candidates", "true");
            return p;
        }
    }

    /** The states that still owe a patch: the default of every list. */
    public static final List<FindingState> OPEN_STATES = FindingQuery.OPEN_STATES;

    /** The states a finding has left the lists in: fixed, not affected, false positive, a valid risk acceptance. */
    public static final List<FindingState> CLOSED_STATES = java.util.Arrays.stream(FindingState.values()).filter(s -> !s.isOpen()).toList();

    /** The counts of the dashboard's cards (and of {@code mamori findings summary}). */
    public record Summary(long open, long act, long attend, long trackStar, long track, long overdue, long boundaryAct, long candidates) {
        public long get(Card c) {
            return switch (c) {
                case OPEN -> open;
                case ACT -> act;
                case ATTEND -> attend;
                case TRACK_STAR -> trackStar;
                case TRACK -> track;
                case OVERDUE -> overdue;
                case BOUNDARY_ACT -> boundaryAct;
                case CANDIDATES -> candidates;
            };
        }

        /** Per outcome key ("act", "attend", "track-star", "track"), as pages show them. */
        public Map<String, Long> byOutcome() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("act", act);
            m.put("attend", attend);
            m.put("track-star", trackStar);
            m.put("track", track);
            return m;
        }
    }

    private final FindingQuery query;

    public Worklist(FindingQuery query) {
        this.query = query;
    }

    /** The rows of one card (a narrowing of the caller's scope, e.g. a system administrator's systems). */
    public long count(long orgId, Card card, UnaryOperator<FindingQuery.Filter> scope, LocalDate today) {
        return query.count(orgId, scope.apply(card.filter()), card.search(today));
    }

    public Summary summary(long orgId, UnaryOperator<FindingQuery.Filter> scope, LocalDate today) {
        return new Summary(count(orgId, Card.OPEN, scope, today), count(orgId, Card.ACT, scope, today), count(orgId, Card.ATTEND, scope, today),
                count(orgId, Card.TRACK_STAR, scope, today), count(orgId, Card.TRACK, scope, today), count(orgId, Card.OVERDUE, scope, today),
                count(orgId, Card.BOUNDARY_ACT, scope, today), count(orgId, Card.CANDIDATES, scope, today));
    }

    public Summary summary(long orgId, LocalDate today) {
        return summary(orgId, UnaryOperator.identity(), today);
    }

    /** What to do first: the Act rows, then the Attend rows, in the lists' priority order. */
    public List<FindingRow> urgent(long orgId, UnaryOperator<FindingQuery.Filter> scope, int limit) {
        List<FindingRow> out = new java.util.ArrayList<>(query.list(orgId, scope.apply(Card.ACT.filter()), FindingQuery.Search.none(),
                FindingQuery.Sort.PRIORITY, false, limit, 0));
        if (out.size() < limit) {
            out.addAll(query.list(orgId, scope.apply(Card.ATTEND.filter()), FindingQuery.Search.none(), FindingQuery.Sort.PRIORITY, false,
                    limit - out.size(), 0));
        }
        return out;
    }

    /** The rows of one card, most urgent first. */
    public List<FindingRow> rows(long orgId, Card card, UnaryOperator<FindingQuery.Filter> scope, LocalDate today, int limit, int offset) {
        return query.list(orgId, scope.apply(card.filter()), card.search(today), FindingQuery.Sort.PRIORITY, false, limit, offset);
    }

    /** The asset's open, confirmed findings, most urgent first: what its page lists (each with its state and deadline). */
    public List<FindingRow> openOfAsset(long orgId, long assetId, int limit) {
        FindingQuery.Filter f = Card.OPEN.filter();
        return query.list(orgId, new FindingQuery.Filter(f.states(), null, null, assetId, f.candidates(), null, null, null), limit, 0);
    }

    /** Open, confirmed findings per asset and outcome: the asset pages' 「未対応の検出」 (same rows as the list's asset filter). */
    public Map<Long, Map<String, Long>> openByAsset(long orgId) {
        return query.countsByAssetAndOutcome(orgId, Card.OPEN.filter());
    }
}
