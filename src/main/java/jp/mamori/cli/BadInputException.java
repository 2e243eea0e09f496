package jp.mamori.cli;

/** Bad usage or bad input detected by a command (exit code 2). */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
