package jp.mamori.advisory;

/**
 * Receives the records a parser streams out of one document. Parsers never hold a whole feed
 * in memory; the importer behind the sink writes inside one transaction per document.
 */
public interface FeedSink {
    default void advisory(Advisory advisory) { }

    default void kev(KevEntry entry) { }

    default void epss(EpssScore score) { }

    default void vex(VexStatement statement) { }

    /** Feed-level metadata, e.g. KEV catalogVersion or EPSS model_version/score_date. */
    default void meta(String key, String value) { }
}
