package jp.mamori.app;

/**
 * What a user handed in cannot be used (a malformed document, a refused SBOM, a bad date); the
 * message says what and where, Japanese first. The CLI exits 2 on it, the web answers 400.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
