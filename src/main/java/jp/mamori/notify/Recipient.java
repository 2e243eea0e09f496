package jp.mamori.notify;

/**
 * An account that may be told about findings.
 *
 * @param role  ADMIN, SECURITY_OFFICER, SYSTEM_ADMIN, VENDOR, AUDITOR
 * @param email null when the account has none (then only a webhook preference reaches it)
 * @param ciso  統括情報セキュリティ責任者 (a flag on a security officer)
 */
public record Recipient(long userId, String username, String displayName, String role, String email, boolean ciso) {

    public static final String SECURITY_OFFICER = "SECURITY_OFFICER";
    public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

    public boolean securityOfficer() {
        return SECURITY_OFFICER.equals(role);
    }

    public String label() {
        return displayName == null || displayName.isBlank() ? username : displayName + " (" + username + ")";
    }
}
