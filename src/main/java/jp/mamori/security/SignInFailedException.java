package jp.mamori.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * Every failed password check, whatever the reason; the reason is for the audit trail only. The
 * user always sees the same message.
 */
public class SignInFailedException extends BadCredentialsException {

    private static final long serialVersionUID = 1L;

    private final transient UserStore.Outcome outcome;
    private final transient UserAccount account;

    public SignInFailedException(UserStore.Outcome outcome, UserAccount account) {
        super("Invalid username or password");
        this.outcome = outcome;
        this.account = account;
    }

    public UserStore.Outcome outcome() {
        return outcome;
    }

    /** The account when the user name exists, else null. */
    public UserAccount account() {
        return account;
    }
}
