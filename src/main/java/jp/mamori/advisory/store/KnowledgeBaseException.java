package jp.mamori.advisory.store;

/** Storing a record failed; the import of its document is rolled back. */
public class KnowledgeBaseException extends RuntimeException {
    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
