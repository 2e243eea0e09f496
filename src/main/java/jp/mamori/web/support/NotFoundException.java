package jp.mamori.web.support;

/** Nothing there, or nothing the caller may see (the two answer alike: 404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
