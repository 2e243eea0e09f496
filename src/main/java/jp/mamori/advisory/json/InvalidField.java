package jp.mamori.advisory.json;

/**
 * Thrown by mappers that read one record tree when a field is missing or wrong. The streaming
 * driver turns it into a FeedFormatException at the record's line and JSON pointer, so the
 * mapper only has to say which field below the record is at fault.
 */
public final class InvalidField extends RuntimeException {
    private final String pointer;

    /** @param pointer JSON pointer relative to the record, e.g. "/tracking/id" ("" for the record itself) */
    public InvalidField(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
