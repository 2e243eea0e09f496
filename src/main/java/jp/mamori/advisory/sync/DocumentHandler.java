package jp.mamori.advisory.sync;

import java.nio.file.Path;
import jp.mamori.advisory.Source;

/**
 * Receives every document a sync downloads, in order, after it has been stored in the feed cache.
 * The caller imports it (one transaction per document). When this throws, the sync of that source
 * stops and its resume state is not advanced past the document, so the next sync hands it over again.
 */
@FunctionalInterface
public interface DocumentHandler {
    void handle(Source source, Path file) throws Exception;
}
