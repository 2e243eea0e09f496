package jp.mamori.advisory.bundle;

/**
 * An offline bundle was refused (or could not be written). The message names the bundle file and,
 * where there is one, the entry; nothing of a refused bundle is handed to the importer.
 */
public class BundleException extends Exception {
    private final String entry;

    public BundleException(String message) {
        super(message);
        this.entry = null;
    }

    public BundleException(String bundle, String entry, String reason) {
        super(bundle + (entry == null ? "" : ": entry '" + entry + "'") + ": " + reason);
        this.entry = entry;
    }

    public BundleException(String bundle, String entry, String reason, Throwable cause) {
        super(bundle + (entry == null ? "" : ": entry '" + entry + "'") + ": " + reason, cause);
        this.entry = entry;
    }

    /** The offending entry name, or null when the bundle as a whole is bad. */
    public String entry() { return entry; }
}
