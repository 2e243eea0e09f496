package jp.mamori.advisory.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the NVD CVE API 2.0 is fetched (file keys {@code nvd.*}).
 *
 * @param apiKey sent in the apiKey header, never logged; null when none is set
 * @param delayWithoutKey NVD's public guidance: 5 requests per 30 s without a key
 * @param delayWithKey 50 requests per 30 s with a key
 */
public record NvdSyncSettings(URI url, String apiKey, int pageSize, int windowDays, Duration delayWithoutKey,
                              Duration delayWithKey) {

    public static final URI DEFAULT_URL = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");
    public static final NvdSyncSettings DEFAULTS =
            new NvdSyncSettings(DEFAULT_URL, null, 2000, 120, Duration.ofSeconds(6), Duration.ofMillis(600));

    public NvdSyncSettings {
        Objects.requireNonNull(url, "nvd.url");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        SettingValues.range("nvd.pageSize", pageSize, 1, 2000);
        SettingValues.range("nvd.windowDays", windowDays, 1, 120);
        SettingValues.nonNegative("nvd.delayWithoutKey", delayWithoutKey);
        SettingValues.nonNegative("nvd.delayWithKey", delayWithKey);
    }

    public boolean hasApiKey() { return apiKey != null; }

    /** Delay between requests, by whether a key is set. */
    public Duration delay() { return hasApiKey() ? delayWithKey : delayWithoutKey; }

    /** One file key without its {@code nvd.} prefix. */
    NvdSyncSettings with(String key, String v) {
        return switch (key) {
            case "url" -> new NvdSyncSettings(SettingValues.url("nvd.url", v), apiKey, pageSize, windowDays, delayWithoutKey, delayWithKey);
            case "apiKey" -> withApiKey(v);
            case "pageSize" -> new NvdSyncSettings(url, apiKey, SettingValues.integer("nvd.pageSize", v), windowDays, delayWithoutKey, delayWithKey);
            case "windowDays" -> new NvdSyncSettings(url, apiKey, pageSize, SettingValues.integer("nvd.windowDays", v), delayWithoutKey, delayWithKey);
            case "delayWithoutKey" -> new NvdSyncSettings(url, apiKey, pageSize, windowDays, SettingValues.duration("nvd.delayWithoutKey", v), delayWithKey);
            case "delayWithKey" -> new NvdSyncSettings(url, apiKey, pageSize, windowDays, delayWithoutKey, SettingValues.duration("nvd.delayWithKey", v));
            default -> throw SettingValues.unknown("nvd." + key);
        };
    }

    NvdSyncSettings withApiKey(String key) {
        return new NvdSyncSettings(url, key, pageSize, windowDays, delayWithoutKey, delayWithKey);
    }

    @Override
    public String toString() {
        return url + " (api key " + (hasApiKey() ? "set" : "not set") + ", pageSize " + pageSize + ", windowDays " + windowDays + ")";
    }
}
