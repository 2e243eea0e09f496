package jp.mamori.web.support;

/**
 * The caller may see the object but not do this with it (e.g. a vendor accepting a risk): 403 with a
 * message. Objects the caller may not see answer 404 instead ({@link NotFoundException}).
 */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
