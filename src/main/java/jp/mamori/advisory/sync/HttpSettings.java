package jp.mamori.advisory.sync;

import java.net.URI;
import java.time.Duration;

/**
 * The HTTP client every sync client shares (file keys {@code http.*}).
 *
 * @param requestTimeout until the response headers arrive
 * @param proxy null for a direct connection
 * @param maxDownloadBytes a larger response is refused
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, URI proxy, String userAgent,
                           long maxDownloadBytes) {

    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), null,
            "Mamori-FeedSync/1", 4L * 1024 * 1024 * 1024);

    public HttpSettings {
        SettingValues.positive("http.connectTimeout", connectTimeout);
        SettingValues.positive("http.requestTimeout", requestTimeout);
        if (maxDownloadBytes <= 0) throw new IllegalArgumentException("http.maxDownloadBytes must be positive");
    }

    /** One file key without its {@code http.} prefix. */
    HttpSettings with(String key, String v) {
        return switch (key) {
            case "connectTimeout" -> new HttpSettings(SettingValues.duration("http.connectTimeout", v), requestTimeout, proxy, userAgent, maxDownloadBytes);
            case "requestTimeout" -> new HttpSettings(connectTimeout, SettingValues.duration("http.requestTimeout", v), proxy, userAgent, maxDownloadBytes);
            case "proxy" -> new HttpSettings(connectTimeout, requestTimeout, v.isEmpty() ? null : SettingValues.url("http.proxy", v), userAgent, maxDownloadBytes);
            case "userAgent" -> new HttpSettings(connectTimeout, requestTimeout, proxy, v, maxDownloadBytes);
            case "maxDownloadBytes" -> {
                try {
                    yield new HttpSettings(connectTimeout, requestTimeout, proxy, userAgent, Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("http.maxDownloadBytes: invalid value '" + v + "'", e);
                }
            }
            default -> throw SettingValues.unknown("http." + key);
        };
    }
}
