package jp.mamori.advisory.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and how the online feeds are fetched. Every URL can be changed (a prefecture may run a mirror
 * inside its security cloud). Immutable; build with {@link #builder()} or load from a file.
 *
 * <h2>File keys</h2>
 * A {@code .properties} file uses the keys below; a {@code .yaml}/{@code .yml} file uses the same keys as
 * nested maps ({@code nvd: {apiKey: ...}}). Durations: {@code 600ms}, {@code 6s}, {@code 2m}, {@code 1h}
 * or ISO-8601 ({@code PT6S}). Unknown keys are refused (a typo must not silently keep a default).
 * <pre>
 * since                      yyyy-MM-dd: start NVD and MyJVN from this date (see below)
 * nvd.url                    https://services.nvd.nist.gov/rest/json/cves/2.0
 * nvd.apiKey                 sent in the apiKey header, never logged; env MAMORI_NVD_API_KEY wins
 * nvd.pageSize               1..2000 (default 2000)
 * nvd.windowDays             1..120 (default 120): lastModStartDate/lastModEndDate span
 * nvd.delayWithoutKey        default 6s (NVD: 5 requests / 30 s without a key)
 * nvd.delayWithKey           default 600ms (NVD: 50 requests / 30 s with a key)
 * kev.url                    CISA KEV JSON
 * epss.url                   FIRST EPSS daily .csv.gz
 * jvn.url                    https://jvndb.jvn.jp/myjvn
 * jvn.pageSize               1..50 (default 50) getVulnOverviewList maxCountItem
 * jvn.detailBatch            1..10 (default 10) ids per getVulnDetailInfo call
 * jvn.delay                  default 500ms (MyJVN FAQ: 2-3 requests per second at most)
 * jvn.windowDays             default 90: date range of one overview query
 * jvn.initialLookbackDays    default 365: first sync without state and without 'since'
 * jvn.dateFilter             lastUpdated (default) | public | firstPublished
 * jvn.lang                   ja (default) | en
 * osv.url                    https://osv-vulnerabilities.storage.googleapis.com/{ecosystem}/all.zip
 * osv.ecosystems             comma-separated (default Maven,npm,PyPI,Go)
 * retry.maxAttempts          default 6
 * retry.initialDelay         default 2s, doubled per attempt
 * retry.maxDelay             default 90s
 * retry.jitter               0..1, default 0.5
 * retry.maxRetryAfter        default 10m: cap of a server's Retry-After
 * http.connectTimeout        default 30s
 * http.requestTimeout        default 5m (until the response headers arrive)
 * http.proxy                 e.g. http://proxy.example.lg.jp:8080 (none by default)
 * http.userAgent             default Mamori-FeedSync/1
 * http.maxDownloadBytes      default 4294967296: a larger response is refused
 * </pre>
 *
 * <h2>First sync and {@code since}</h2>
 * NVD: without stored state and without {@code since}, the first sync pages through the whole NVD
 * (no date filter) and then continues incrementally from the time it started. With {@code since}, it
 * fetches everything modified since that date (00:00 UTC) in windows of at most {@code nvd.windowDays}.
 * MyJVN: without state and without {@code since}, the last {@code jvn.initialLookbackDays} days
 * (for the full history import the yearly {@code jvndb_YYYY.rdf} feeds). With state, both continue from
 * the end of the last successful sync; an interrupted sync resumes at the page after the last one
 * handled. An explicit {@code since} restarts from that date.
 */
public final class SyncSettings {

    public static final String ENV_NVD_API_KEY = "MAMORI_NVD_API_KEY";

    public static final URI DEFAULT_NVD_URL = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");
    public static final URI DEFAULT_KEV_URL = URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
    public static final URI DEFAULT_EPSS_URL = URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
    public static final URI DEFAULT_JVN_URL = URI.create("https://jvndb.jvn.jp/myjvn");
    public static final String DEFAULT_OSV_URL = "https://osv-vulnerabilities.storage.googleapis.com/{ecosystem}/all.zip";
    public static final List<String> DEFAULT_OSV_ECOSYSTEMS = List.of("Maven", "npm", "PyPI", "Go");

    /** Which MyJVN date the overview query filters on. */
    public enum JvnDateFilter {
        /** 最終更新日 (datePublished*): catches new and updated entries; the right one for incremental sync. */
        LAST_UPDATED("datePublished", "rangeDatePublished"),
        /** 公表日 (datePublic*). */
        PUBLIC("datePublic", "rangeDatePublic"),
        /** 登録日 (dateFirstPublished*). */
        FIRST_PUBLISHED("dateFirstPublished", "rangeDateFirstPublished");

        private final String paramPrefix;
        private final String rangeParam;

        JvnDateFilter(String paramPrefix, String rangeParam) {
            this.paramPrefix = paramPrefix;
            this.rangeParam = rangeParam;
        }

        public String paramPrefix() { return paramPrefix; }

        public String rangeParam() { return rangeParam; }

        static JvnDateFilter parse(String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "lastupdated", "last_updated", "published": return LAST_UPDATED;
                case "public": return PUBLIC;
                case "firstpublished", "first_published": return FIRST_PUBLISHED;
                default: throw new IllegalArgumentException("jvn.dateFilter: expected lastUpdated, public or firstPublished, got '" + s + "'");
            }
        }
    }

    private final LocalDate since;
    private final URI nvdUrl;
    private final String nvdApiKey;
    private final int nvdPageSize;
    private final int nvdWindowDays;
    private final Duration nvdDelayWithoutKey;
    private final Duration nvdDelayWithKey;
    private final URI kevUrl;
    private final URI epssUrl;
    private final URI jvnUrl;
    private final int jvnPageSize;
    private final int jvnDetailBatch;
    private final Duration jvnDelay;
    private final int jvnWindowDays;
    private final int jvnInitialLookbackDays;
    private final JvnDateFilter jvnDateFilter;
    private final String jvnLang;
    private final String osvUrlTemplate;
    private final List<String> osvEcosystems;
    private final RetryPolicy retry;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final URI proxy;
    private final String userAgent;
    private final long maxDownloadBytes;

    private SyncSettings(Builder b) {
        since = b.since;
        nvdUrl = Objects.requireNonNull(b.nvdUrl, "nvd.url");
        nvdApiKey = b.nvdApiKey == null || b.nvdApiKey.isBlank() ? null : b.nvdApiKey.trim();
        nvdPageSize = range("nvd.pageSize", b.nvdPageSize, 1, 2000);
        nvdWindowDays = range("nvd.windowDays", b.nvdWindowDays, 1, 120);
        nvdDelayWithoutKey = nonNegative("nvd.delayWithoutKey", b.nvdDelayWithoutKey);
        nvdDelayWithKey = nonNegative("nvd.delayWithKey", b.nvdDelayWithKey);
        kevUrl = Objects.requireNonNull(b.kevUrl, "kev.url");
        epssUrl = Objects.requireNonNull(b.epssUrl, "epss.url");
        jvnUrl = Objects.requireNonNull(b.jvnUrl, "jvn.url");
        jvnPageSize = range("jvn.pageSize", b.jvnPageSize, 1, 50);
        jvnDetailBatch = range("jvn.detailBatch", b.jvnDetailBatch, 1, 10);
        jvnDelay = nonNegative("jvn.delay", b.jvnDelay);
        jvnWindowDays = range("jvn.windowDays", b.jvnWindowDays, 1, 3660);
        jvnInitialLookbackDays = range("jvn.initialLookbackDays", b.jvnInitialLookbackDays, 1, 36600);
        jvnDateFilter = Objects.requireNonNull(b.jvnDateFilter);
        if (!"ja".equals(b.jvnLang) && !"en".equals(b.jvnLang)) throw new IllegalArgumentException("jvn.lang: expected ja or en, got '" + b.jvnLang + "'");
        jvnLang = b.jvnLang;
        if (b.osvUrlTemplate == null || !b.osvUrlTemplate.contains("{ecosystem}")) {
            throw new IllegalArgumentException("osv.url must contain {ecosystem}: " + b.osvUrlTemplate);
        }
        osvUrlTemplate = b.osvUrlTemplate;
        osvEcosystems = List.copyOf(b.osvEcosystems);
        for (String e : osvEcosystems) {
            if (e.isBlank()) throw new IllegalArgumentException("osv.ecosystems: empty ecosystem name");
        }
        retry = Objects.requireNonNull(b.retry);
        connectTimeout = positive("http.connectTimeout", b.connectTimeout);
        requestTimeout = positive("http.requestTimeout", b.requestTimeout);
        proxy = b.proxy;
        userAgent = b.userAgent;
        if (b.maxDownloadBytes <= 0) throw new IllegalArgumentException("http.maxDownloadBytes must be positive");
        maxDownloadBytes = b.maxDownloadBytes;
    }

    public static SyncSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Settings from an optional file ({@code .properties}, {@code .yaml} or {@code .yml}) and the
     * environment ({@value #ENV_NVD_API_KEY} wins over the file's key).
     *
     * @param file null for the defaults
     * @throws IllegalArgumentException a bad value or unknown key; the message names the file and key
     */
    public static SyncSettings load(Path file, Map<String, String> env) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                JsonNode root;
                try (InputStream in = Files.newInputStream(file)) {
                    root = new ObjectMapper(new YAMLFactory()).readTree(in);
                }
                if (root != null && !root.isMissingNode() && !root.isNull()) {
                    if (!root.isObject()) throw new IllegalArgumentException(file + ": expected a map of settings");
                    flatten("", root, values, file);
                }
            } else {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                for (String k : p.stringPropertyNames()) values.put(k.trim(), p.getProperty(k).trim());
            }
        }
        Builder b = builder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            try {
                b.set(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException((file == null ? "" : file + ": ") + ex.getMessage(), ex);
            }
        }
        String envKey = env == null ? null : env.get(ENV_NVD_API_KEY);
        if (envKey != null && !envKey.isBlank()) b.nvdApiKey(envKey);
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException((file == null ? "" : file + ": ") + ex.getMessage(), ex);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out, file);
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.asText()));
                out.put(key, String.join(",", items));
            } else if (!v.isNull()) {
                out.put(key, v.asText());
            }
        }
    }

    private static int range(String key, int v, int min, int max) {
        if (v < min || v > max) throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + v);
        return v;
    }

    private static Duration nonNegative(String key, Duration d) {
        if (d == null || d.isNegative()) throw new IllegalArgumentException(key + " must not be negative");
        return d;
    }

    private static Duration positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(key + " must be positive");
        return d;
    }

    static Duration parseDuration(String key, String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) return Duration.parse(v.toUpperCase(Locale.ROOT));
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
            if (v.endsWith("m")) return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 60));
            if (v.endsWith("h")) return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 3600));
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": not a duration: '" + s + "' (use e.g. 600ms, 6s, 2m or PT6S)");
        }
    }

    public LocalDate since() { return since; }

    public URI nvdUrl() { return nvdUrl; }

    /** The NVD API key, or null. Never print it. */
    public String nvdApiKey() { return nvdApiKey; }

    public boolean hasNvdApiKey() { return nvdApiKey != null; }

    public int nvdPageSize() { return nvdPageSize; }

    public int nvdWindowDays() { return nvdWindowDays; }

    /** Delay between NVD requests: NVD's public rate limit guidance. */
    public Duration nvdDelay() { return hasNvdApiKey() ? nvdDelayWithKey : nvdDelayWithoutKey; }

    public Duration nvdDelayWithoutKey() { return nvdDelayWithoutKey; }

    public Duration nvdDelayWithKey() { return nvdDelayWithKey; }

    public URI kevUrl() { return kevUrl; }

    public URI epssUrl() { return epssUrl; }

    public URI jvnUrl() { return jvnUrl; }

    public int jvnPageSize() { return jvnPageSize; }

    public int jvnDetailBatch() { return jvnDetailBatch; }

    public Duration jvnDelay() { return jvnDelay; }

    public int jvnWindowDays() { return jvnWindowDays; }

    public int jvnInitialLookbackDays() { return jvnInitialLookbackDays; }

    public JvnDateFilter jvnDateFilter() { return jvnDateFilter; }

    public String jvnLang() { return jvnLang; }

    public String osvUrlTemplate() { return osvUrlTemplate; }

    public List<String> osvEcosystems() { return osvEcosystems; }

    public RetryPolicy retry() { return retry; }

    public Duration connectTimeout() { return connectTimeout; }

    public Duration requestTimeout() { return requestTimeout; }

    public URI proxy() { return proxy; }

    public String userAgent() { return userAgent; }

    public long maxDownloadBytes() { return maxDownloadBytes; }

    /** The OSV all.zip URL of one ecosystem (the name is percent-encoded as a path segment). */
    public URI osvUrl(String ecosystem) {
        return URI.create(osvUrlTemplate.replace("{ecosystem}", Query.encodePathSegment(ecosystem)));
    }

    @Override
    public String toString() {
        return "SyncSettings[nvd=" + nvdUrl + " (api key " + (hasNvdApiKey() ? "set" : "not set") + ", pageSize " + nvdPageSize
                + ", windowDays " + nvdWindowDays + "), kev=" + kevUrl + ", epss=" + epssUrl + ", jvn=" + jvnUrl
                + ", osv=" + osvUrlTemplate + " " + osvEcosystems + ", since=" + since + ", retry=" + retry
                + (proxy == null ? "" : ", proxy=" + proxy) + "]";
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private LocalDate since;
        private URI nvdUrl = DEFAULT_NVD_URL;
        private String nvdApiKey;
        private int nvdPageSize = 2000;
        private int nvdWindowDays = 120;
        private Duration nvdDelayWithoutKey = Duration.ofSeconds(6);
        private Duration nvdDelayWithKey = Duration.ofMillis(600);
        private URI kevUrl = DEFAULT_KEV_URL;
        private URI epssUrl = DEFAULT_EPSS_URL;
        private URI jvnUrl = DEFAULT_JVN_URL;
        private int jvnPageSize = 50;
        private int jvnDetailBatch = 10;
        private Duration jvnDelay = Duration.ofMillis(500);
        private int jvnWindowDays = 90;
        private int jvnInitialLookbackDays = 365;
        private JvnDateFilter jvnDateFilter = JvnDateFilter.LAST_UPDATED;
        private String jvnLang = "ja";
        private String osvUrlTemplate = DEFAULT_OSV_URL;
        private List<String> osvEcosystems = DEFAULT_OSV_ECOSYSTEMS;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(5);
        private URI proxy;
        private String userAgent = "Mamori-FeedSync/1";
        private long maxDownloadBytes = 4L * 1024 * 1024 * 1024;

        private Builder() { }

        private Builder(SyncSettings s) {
            since = s.since;
            nvdUrl = s.nvdUrl;
            nvdApiKey = s.nvdApiKey;
            nvdPageSize = s.nvdPageSize;
            nvdWindowDays = s.nvdWindowDays;
            nvdDelayWithoutKey = s.nvdDelayWithoutKey;
            nvdDelayWithKey = s.nvdDelayWithKey;
            kevUrl = s.kevUrl;
            epssUrl = s.epssUrl;
            jvnUrl = s.jvnUrl;
            jvnPageSize = s.jvnPageSize;
            jvnDetailBatch = s.jvnDetailBatch;
            jvnDelay = s.jvnDelay;
            jvnWindowDays = s.jvnWindowDays;
            jvnInitialLookbackDays = s.jvnInitialLookbackDays;
            jvnDateFilter = s.jvnDateFilter;
            jvnLang = s.jvnLang;
            osvUrlTemplate = s.osvUrlTemplate;
            osvEcosystems = s.osvEcosystems;
            retry = s.retry;
            connectTimeout = s.connectTimeout;
            requestTimeout = s.requestTimeout;
            proxy = s.proxy;
            userAgent = s.userAgent;
            maxDownloadBytes = s.maxDownloadBytes;
        }

        public Builder since(LocalDate v) { since = v; return this; }
        public Builder nvdUrl(URI v) { nvdUrl = v; return this; }
        public Builder nvdApiKey(String v) { nvdApiKey = v; return this; }
        public Builder nvdPageSize(int v) { nvdPageSize = v; return this; }
        public Builder nvdWindowDays(int v) { nvdWindowDays = v; return this; }
        public Builder nvdDelayWithoutKey(Duration v) { nvdDelayWithoutKey = v; return this; }
        public Builder nvdDelayWithKey(Duration v) { nvdDelayWithKey = v; return this; }
        public Builder kevUrl(URI v) { kevUrl = v; return this; }
        public Builder epssUrl(URI v) { epssUrl = v; return this; }
        public Builder jvnUrl(URI v) { jvnUrl = v; return this; }
        public Builder jvnPageSize(int v) { jvnPageSize = v; return this; }
        public Builder jvnDetailBatch(int v) { jvnDetailBatch = v; return this; }
        public Builder jvnDelay(Duration v) { jvnDelay = v; return this; }
        public Builder jvnWindowDays(int v) { jvnWindowDays = v; return this; }
        public Builder jvnInitialLookbackDays(int v) { jvnInitialLookbackDays = v; return this; }
        public Builder jvnDateFilter(JvnDateFilter v) { jvnDateFilter = v; return this; }
        public Builder jvnLang(String v) { jvnLang = v; return this; }
        public Builder osvUrlTemplate(String v) { osvUrlTemplate = v; return this; }
        public Builder osvEcosystems(List<String> v) { osvEcosystems = List.copyOf(v); return this; }
        public Builder retry(RetryPolicy v) { retry = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder proxy(URI v) { proxy = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder maxDownloadBytes(long v) { maxDownloadBytes = v; return this; }

        /** Sets one file key (see the class comment). */
        public Builder set(String key, String value) {
            String v = value == null ? "" : value.trim();
            try {
                switch (key) {
                    case "since" -> since = v.isEmpty() ? null : LocalDate.parse(v);
                    case "nvd.url" -> nvdUrl = uri(key, v);
                    case "nvd.apiKey" -> nvdApiKey = v;
                    case "nvd.pageSize" -> nvdPageSize = Integer.parseInt(v);
                    case "nvd.windowDays" -> nvdWindowDays = Integer.parseInt(v);
                    case "nvd.delayWithoutKey" -> nvdDelayWithoutKey = parseDuration(key, v);
                    case "nvd.delayWithKey" -> nvdDelayWithKey = parseDuration(key, v);
                    case "kev.url" -> kevUrl = uri(key, v);
                    case "epss.url" -> epssUrl = uri(key, v);
                    case "jvn.url" -> jvnUrl = uri(key, v);
                    case "jvn.pageSize" -> jvnPageSize = Integer.parseInt(v);
                    case "jvn.detailBatch" -> jvnDetailBatch = Integer.parseInt(v);
                    case "jvn.delay" -> jvnDelay = parseDuration(key, v);
                    case "jvn.windowDays" -> jvnWindowDays = Integer.parseInt(v);
                    case "jvn.initialLookbackDays" -> jvnInitialLookbackDays = Integer.parseInt(v);
                    case "jvn.dateFilter" -> jvnDateFilter = JvnDateFilter.parse(v);
                    case "jvn.lang" -> jvnLang = v;
                    case "osv.url" -> osvUrlTemplate = v;
                    case "osv.ecosystems" -> {
                        List<String> list = new ArrayList<>();
                        for (String part : v.split(",")) if (!part.isBlank()) list.add(part.trim());
                        osvEcosystems = List.copyOf(list);
                    }
                    case "retry.maxAttempts" -> retry = new RetryPolicy(Integer.parseInt(v), retry.initialDelay(), retry.maxDelay(), retry.jitter(), retry.maxRetryAfter());
                    case "retry.initialDelay" -> retry = new RetryPolicy(retry.maxAttempts(), parseDuration(key, v), retry.maxDelay(), retry.jitter(), retry.maxRetryAfter());
                    case "retry.maxDelay" -> retry = new RetryPolicy(retry.maxAttempts(), retry.initialDelay(), parseDuration(key, v), retry.jitter(), retry.maxRetryAfter());
                    case "retry.jitter" -> retry = new RetryPolicy(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay(), Double.parseDouble(v), retry.maxRetryAfter());
                    case "retry.maxRetryAfter" -> retry = new RetryPolicy(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay(), retry.jitter(), parseDuration(key, v));
                    case "http.connectTimeout" -> connectTimeout = parseDuration(key, v);
                    case "http.requestTimeout" -> requestTimeout = parseDuration(key, v);
                    case "http.proxy" -> proxy = v.isEmpty() ? null : uri(key, v);
                    case "http.userAgent" -> userAgent = v;
                    case "http.maxDownloadBytes" -> maxDownloadBytes = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown setting '" + key + "'");
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(key + ": invalid value '" + v + "'", e);
            }
            return this;
        }

        private static URI uri(String key, String v) {
            try {
                URI u = URI.create(v);
                if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https")) || u.getHost() == null) {
                    throw new IllegalArgumentException(key + ": expected an http(s) URL, got '" + v + "'");
                }
                return u;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(key)) throw e;
                throw new IllegalArgumentException(key + ": not a URL: '" + v + "'", e);
            }
        }

        public SyncSettings build() {
            return new SyncSettings(this);
        }
    }
}
