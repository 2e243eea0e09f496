package jp.mamori.notify;

import java.util.Locale;

/** The JSON a webhook receiver expects: our own, a Microsoft Teams workflow (Adaptive Card), or Slack. */
public enum WebhookKind {
    GENERIC, TEAMS, SLACK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookKind fromKey(String key) {
        String k = key == null ? "" : key.trim().toUpperCase(Locale.ROOT);
        if (k.equals("JSON")) return GENERIC;
        for (WebhookKind w : values()) if (w.name().equals(k)) return w;
        throw new NotificationSettingsException("Webhookの種類が不明です: '" + key + "'（generic, teams, slack）",
                "unknown webhook kind '" + key + "' (generic, teams, slack)");
    }
}
