package jp.mamori.web.support;

/** The request itself is wrong (a parameter, an uploaded file); the message is safe to show. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }

    public BadRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
