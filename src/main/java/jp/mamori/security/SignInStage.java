package jp.mamori.security;

/**
 * Where a signed-in session stands. Password first; then the TOTP code (accounts with TOTP); then
 * a forced password change (one-time passwords); then TOTP enrolment (administrators and security
 * officers without TOTP); only then anything else.
 */
public enum SignInStage {
    TOTP("/login/totp"),
    CHANGE_PASSWORD("/account/password"),
    ENROL_TOTP("/account/totp"),
    DONE("/");

    private final String path;

    SignInStage(String path) {
        this.path = path;
    }

    /** The page that completes this stage. */
    public String path() {
        return path;
    }

    public static SignInStage of(UserAccount u, boolean totpVerified) {
        if (u.totpEnabled() && !totpVerified) return TOTP;
        if (u.mustChangePassword()) return CHANGE_PASSWORD;
        if (u.role().totpRequired() && !u.totpEnabled()) return ENROL_TOTP;
        return DONE;
    }
}
