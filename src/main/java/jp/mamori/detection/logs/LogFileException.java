package jp.mamori.detection.logs;

/** The file as a whole cannot be read (truncated gzip, unknown format, too many bad lines): nothing of it is kept. */
public class LogFileException extends RuntimeException {
    public LogFileException(String message) {
        super(message);
    }

    public LogFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
