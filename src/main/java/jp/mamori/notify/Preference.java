package jp.mamori.notify;

import java.util.Locale;

/**
 * How one person wants to hear from Mamori.
 *
 * @param channel     EMAIL, WEBHOOK or NONE
 * @param immediate   true: changes as they happen plus the daily digest; false: the daily digest only
 * @param webhookKind for WEBHOOK
 * @param webhookUrl  for WEBHOOK
 */
public record Preference(Channel channel, boolean immediate, WebhookKind webhookKind, String webhookUrl) {

    public enum Channel {
        EMAIL, WEBHOOK, NONE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Channel fromKey(String key) {
            String k = key == null ? "" : key.trim().toUpperCase(Locale.ROOT);
            for (Channel c : values()) if (c.name().equals(k)) return c;
            throw new NotificationSettingsException("通知チャネルが不明です: '" + key + "'（email, webhook, none）",
                    "unknown channel '" + key + "' (email, webhook, none)");
        }
    }

    /** Without a stored preference: e-mail, immediately. */
    public static final Preference DEFAULT = new Preference(Channel.EMAIL, true, null, null);

    public Preference {
        if (channel == Channel.WEBHOOK) {
            if (webhookKind == null) webhookKind = WebhookKind.GENERIC;
            WebhookSender.checkUrl(webhookUrl);
        }
    }

    public String modeKey() {
        return immediate ? "immediate" : "digest";
    }

    public static boolean immediateFromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        if (k.equals("immediate")) return true;
        if (k.equals("digest")) return false;
        throw new NotificationSettingsException("通知のタイミングが不明です: '" + key + "'（immediate, digest）",
                "unknown mode '" + key + "' (immediate, digest)");
    }
}
