package jp.mamori.audit;

/**
 * Action names used by the sign-in and account code. Other capabilities name their own actions in
 * the same {@code area.verb} style (e.g. {@code finding.decided}, {@code asset.created}).
 */
public final class AuditAction {
    public static final String SIGN_IN = "auth.sign_in";
    public static final String SIGN_IN_PASSWORD_OK = "auth.password_ok";
    public static final String SIGN_IN_FAILED = "auth.sign_in_failed";
    public static final String TOTP_FAILED = "auth.totp_failed";
    public static final String TOKEN_FAILED = "auth.token_failed";
    public static final String ACCOUNT_LOCKED = "auth.locked";
    public static final String SIGN_OUT = "auth.sign_out";
    public static final String USER_CREATED = "user.created";
    public static final String USER_DISABLED = "user.disabled";
    public static final String USER_UNLOCKED = "user.unlocked";
    public static final String PASSWORD_CHANGED = "user.password_changed";
    public static final String PASSWORD_RESET = "user.password_reset";
    public static final String TOTP_ENROLLED = "user.totp_enrolled";
    public static final String TOTP_RESET = "user.totp_reset";
    public static final String TOKEN_CREATED = "token.created";
    public static final String TOKEN_REVOKED = "token.revoked";

    private AuditAction() { }
}
