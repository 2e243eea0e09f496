package jp.mamori.security;

import java.util.Locale;

/** Account roles (SPEC §2). */
public enum Role {
    /** The instance: accounts, organisations, feeds; instance-wide (no organisation). */
    ADMIN("システム管理者（インスタンス）", true),
    /** 情報セキュリティ担当: the whole of their organisation. */
    SECURITY_OFFICER("情報セキュリティ担当", true),
    /** 情報システム管理者: only the systems assigned to them. */
    SYSTEM_ADMIN("情報システム管理者", false),
    /** 委託事業者: only the assets assigned to their vendor. */
    VENDOR("委託事業者", false),
    /** 監査: read-only over their organisation, plus the audit log. */
    AUDITOR("監査担当", false),
    /**
     * 都道府県セキュリティクラウド運用者: belongs to the prefecture's organisation; sees per-municipality
     * counts of the municipalities it serves, and details only under a municipality's grant (issue 17).
     * Reads nothing of the regular pages' data; writes nothing.
     */
    PREFECTURE_OPERATOR("セキュリティクラウド運用者", true);

    private final String ja;
    private final boolean totpRequired;

    Role(String ja, boolean totpRequired) {
        this.ja = ja;
        this.totpRequired = totpRequired;
    }

    public String ja() {
        return ja;
    }

    /** Administrators and security officers must use a second factor (TOTP). */
    public boolean totpRequired() {
        return totpRequired;
    }

    public static Role parse(String s) {
        if (s == null) throw new IllegalArgumentException("role is required");
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + s + "' (ADMIN, SECURITY_OFFICER, SYSTEM_ADMIN, VENDOR, AUDITOR, PREFECTURE_OPERATOR)");
        }
    }
}
