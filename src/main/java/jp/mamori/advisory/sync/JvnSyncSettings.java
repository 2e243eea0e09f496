package jp.mamori.advisory.sync;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How MyJVN is fetched (file keys {@code jvn.*}). The delay follows the MyJVN FAQ (two to three
 * requests per second at most); {@code windowDays} is the date range of one overview query.
 */
public record JvnSyncSettings(URI url, int pageSize, int detailBatch, Duration delay, int windowDays,
                              int initialLookbackDays, DateFilter dateFilter, String lang) {

    public static final URI DEFAULT_URL = URI.create("https://jvndb.jvn.jp/myjvn");
    public static final JvnSyncSettings DEFAULTS =
            new JvnSyncSettings(DEFAULT_URL, 50, 10, Duration.ofMillis(500), 90, 365, DateFilter.LAST_UPDATED, "ja");

    /** Which MyJVN date an overview query filters on. */
    public enum DateFilter {
        /** 最終更新日 (datePublished*): catches new and updated entries; the right one for incremental sync. */
        LAST_UPDATED("datePublished", "rangeDatePublished"),
        /** 公表日 (datePublic*). */
        PUBLIC("datePublic", "rangeDatePublic"),
        /** 登録日 (dateFirstPublished*). */
        FIRST_PUBLISHED("dateFirstPublished", "rangeDateFirstPublished");

        private final String paramPrefix;
        private final String rangeParam;

        DateFilter(String paramPrefix, String rangeParam) {
            this.paramPrefix = paramPrefix;
            this.rangeParam = rangeParam;
        }

        public String paramPrefix() { return paramPrefix; }

        public String rangeParam() { return rangeParam; }

        static DateFilter parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "lastupdated", "last_updated", "published" -> LAST_UPDATED;
                case "public" -> PUBLIC;
                case "firstpublished", "first_published" -> FIRST_PUBLISHED;
                default -> throw new IllegalArgumentException("jvn.dateFilter: expected lastUpdated, public or firstPublished, got '" + s + "'");
            };
        }
    }

    public JvnSyncSettings {
        Objects.requireNonNull(url, "jvn.url");
        SettingValues.range("jvn.pageSize", pageSize, 1, 50);
        SettingValues.range("jvn.detailBatch", detailBatch, 1, 10);
        SettingValues.nonNegative("jvn.delay", delay);
        SettingValues.range("jvn.windowDays", windowDays, 1, 3660);
        SettingValues.range("jvn.initialLookbackDays", initialLookbackDays, 1, 36600);
        Objects.requireNonNull(dateFilter);
        if (!"ja".equals(lang) && !"en".equals(lang)) throw new IllegalArgumentException("jvn.lang: expected ja or en, got '" + lang + "'");
    }

    /** One file key without its {@code jvn.} prefix. */
    JvnSyncSettings with(String key, String v) {
        return switch (key) {
            case "url" -> new JvnSyncSettings(SettingValues.url("jvn.url", v), pageSize, detailBatch, delay, windowDays, initialLookbackDays, dateFilter, lang);
            case "pageSize" -> new JvnSyncSettings(url, SettingValues.integer("jvn.pageSize", v), detailBatch, delay, windowDays, initialLookbackDays, dateFilter, lang);
            case "detailBatch" -> new JvnSyncSettings(url, pageSize, SettingValues.integer("jvn.detailBatch", v), delay, windowDays, initialLookbackDays, dateFilter, lang);
            case "delay" -> new JvnSyncSettings(url, pageSize, detailBatch, SettingValues.duration("jvn.delay", v), windowDays, initialLookbackDays, dateFilter, lang);
            case "windowDays" -> new JvnSyncSettings(url, pageSize, detailBatch, delay, SettingValues.integer("jvn.windowDays", v), initialLookbackDays, dateFilter, lang);
            case "initialLookbackDays" -> new JvnSyncSettings(url, pageSize, detailBatch, delay, windowDays, SettingValues.integer("jvn.initialLookbackDays", v), dateFilter, lang);
            case "dateFilter" -> new JvnSyncSettings(url, pageSize, detailBatch, delay, windowDays, initialLookbackDays, DateFilter.parse(v), lang);
            case "lang" -> new JvnSyncSettings(url, pageSize, detailBatch, delay, windowDays, initialLookbackDays, dateFilter, v);
            default -> throw SettingValues.unknown("jvn." + key);
        };
    }
}
