package jp.mamori.advisory.store;

/** What a long import tells the terminal. */
public interface ImportListener {
    default void documentStarted(String name, String source) { }

    default void records(String name, long count) { }

    default void documentDone(FeedImporter.DocumentResult result) { }

    default void documentFailed(String name, String message) { }

    default void skipped(String name, String reason) { }

    ImportListener NONE = new ImportListener() { };
}
