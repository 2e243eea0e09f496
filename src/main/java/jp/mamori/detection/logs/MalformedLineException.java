package jp.mamori.detection.logs;

/** One line cannot be read; the file goes on (the line is counted and reported with its number). */
public class MalformedLineException extends Exception {
    public MalformedLineException(String message) {
        super(message, null, false, false);
    }
}
