package jp.mamori.security;

/** A request about accounts or tokens that cannot be carried out (bad input, unknown user, policy). */
public class AccountException extends RuntimeException {
    public AccountException(String message) {
        super(message);
    }

    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
