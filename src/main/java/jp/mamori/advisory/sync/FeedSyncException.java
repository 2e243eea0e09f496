package jp.mamori.advisory.sync;

/**
 * A feed could not be synchronised. The message names the URL and, for HTTP errors, the status,
 * so that {@code feeds status} tells the officer what went wrong. Never contains the NVD API key.
 */
public class FeedSyncException extends Exception {
    private final String url;
    private final int httpStatus;

    public FeedSyncException(String message, String url, int httpStatus) {
        super(message);
        this.url = url;
        this.httpStatus = httpStatus;
    }

    public FeedSyncException(String message, String url, int httpStatus, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.httpStatus = httpStatus;
    }

    /** The URL of the failed request, or null when the failure is not a request's. */
    public String url() { return url; }

    /** The HTTP status, or 0 when there was none (I/O error, bad document, import failure). */
    public int httpStatus() { return httpStatus; }
}
