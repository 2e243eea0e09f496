package jp.mamori.advisory.index;

import java.time.Instant;

/**
 * How many statements of one source the knowledge base held when the index was built, withdrawn
 * ones included, and the newest of their own dates ({@code modified}; null when none has one):
 * what {@code FeedStatus} counts with a full scan of the statements, kept here so that a scan's
 * freshness check costs nothing while the index is current.
 */
public record SourceStatements(String source, long statements, Instant newestModified) { }
