package jp.mamori.advisory.sync;

import java.nio.file.Path;
import java.time.Duration;
import jp.mamori.advisory.Source;

/** Progress of a sync, for the terminal. Every method has a do-nothing default. */
public interface ProgressReporter {

    ProgressReporter NONE = new ProgressReporter() { };

    default void sourceStarted(Source source) { }

    /** A human-readable step, e.g. "window 2026-01-01 .. 2026-05-01, 1200 of 5300". */
    default void message(Source source, String text) { }

    /** A document was downloaded, stored in the feed cache and handed to the DocumentHandler. */
    default void documentHandled(Source source, Path file, long bytes) { }

    /** A request failed with a transient error and is retried after {@code wait}. {@code status} is 0 for I/O errors. */
    default void retrying(Source source, String url, int status, Duration wait, int attempt, int maxAttempts) { }

    default void sourceFinished(SyncSummary.SourceResult result) { }
}
