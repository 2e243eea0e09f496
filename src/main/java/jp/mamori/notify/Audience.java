package jp.mamori.notify;

/**
 * Who hears of an event: the system's administrators and the organisation's security officers; for
 * what is most urgent (an overdue Act finding) also the organisation's CISO (統括情報セキュリティ責任者).
 */
public enum Audience {
    SYSTEM, SYSTEM_AND_CISO;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Audience fromKey(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
