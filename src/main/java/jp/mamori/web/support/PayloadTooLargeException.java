package jp.mamori.web.support;

/** The request body is larger than the endpoint accepts (413); the message is safe to show. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
