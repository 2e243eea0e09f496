package jp.mamori.security;

/**
 * The caller's {@link AccessScope} does not cover the data asked for. Plain Java, so that
 * repositories and services can throw it; the web layer answers 404 (not 403), so that a caller
 * learns nothing about other tenants' data.
 */
public class OutOfScopeException extends RuntimeException {
    public OutOfScopeException(String message) {
        super(message);
    }
}
