package jp.mamori.advisory.sync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.mamori.advisory.Source;

/** What one {@code feeds sync} did, per source, in the order the sources ran. */
public record SyncSummary(List<SourceResult> results) {

    public enum Outcome {
        /** New documents were downloaded and handed over. */
        UPDATED,
        /** Nothing new (HTTP 304, same content, or no records in the window). */
        UNCHANGED,
        /** Stopped with an error; {@code message} says which URL and status. Documents handed over before it stay imported. */
        FAILED,
        /** Not run, because the sync was interrupted before it got there. */
        SKIPPED
    }

    /**
     * @param documents documents handed to the DocumentHandler
     * @param bytes     their size on disk
     * @param requests  HTTP requests made (retries not counted)
     * @param message   a one-line summary, or the error
     */
    public record SourceResult(Source source, Outcome outcome, int documents, long bytes, int requests, String message, Duration duration) { }

    public SyncSummary {
        results = List.copyOf(results);
    }

    public boolean anyFailed() {
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.SKIPPED);
    }

    public Optional<SourceResult> result(Source source) {
        return results.stream().filter(r -> r.source() == source).findFirst();
    }
}
