package jp.mamori.app.feeds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.index.MatchIndex;
import jp.mamori.advisory.index.MatchIndexes;
import jp.mamori.advisory.index.SourceStatements;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.app.Mamori;

/**
 * "Show the feeds' status" (CLI {@code feeds status}, the feeds page, {@code GET /api/v1/feeds}):
 * per source, records, the data's newest date, last update and last error. The statement sources'
 * counts and dates come from the compiled match index when it is current, since counting them in
 * the database reads every statement (seconds at NVD scale); otherwise from the database. Both give
 * the same figures; this never builds an index.
 */
public final class FeedsStatus {

    private final Mamori mamori;

    public FeedsStatus(Mamori mamori) {
        this.mamori = mamori;
    }

    public List<FeedStatus.Row> rows() {
        Map<String, FeedStatus.Counted> counted = new HashMap<>();
        for (SourceStatements s : indexed()) counted.put(s.source(), new FeedStatus.Counted(s.statements(), s.newestModified()));
        return FeedStatus.read(mamori.database().dataSource(), counted);
    }

    private List<SourceStatements> indexed() {
        try {
            return mamori.matchIndexes().currentIfBuilt().map(MatchIndex::statementsBySource).orElse(List.of());
        } catch (MatchIndexes.MatchIndexException | jp.mamori.advisory.store.KnowledgeBaseException e) {
            return List.of();
        }
    }
}
