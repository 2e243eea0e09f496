package jp.mamori.notify;

/**
 * A notification setting that cannot be used as given (unknown channel, bad SMTP value, unreadable
 * file): bad input, not an outage. The message says why in Japanese first, then in English.
 */
public class NotificationSettingsException extends IllegalArgumentException {
    private final String ja;
    private final String en;

    public NotificationSettingsException(String ja, String en) {
        super(ja + " / " + en);
        this.ja = ja;
        this.en = en;
    }

    public String ja() { return ja; }

    public String en() { return en; }
}
