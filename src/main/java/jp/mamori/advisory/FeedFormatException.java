package jp.mamori.advisory;

/**
 * A feed file that cannot be read. The message names the file and the place (line/column,
 * JSON pointer or XML element) so that the user can find the problem.
 */
public class FeedFormatException extends Exception {
    private final String file;
    private final String location;

    public FeedFormatException(String file, String location, String message) {
        super(file + (location == null ? "" : " (" + location + ")") + ": " + message);
        this.file = file;
        this.location = location;
        }

    public FeedFormatException(String file, String location, String message, Throwable cause) {
        super(file + (location == null ? "" : " (" + location + ")") + ": " + message, cause);
        this.file = file;
        this.location = location;
    }

    public String file() { return file; }

    public String location() { return location; }
}
