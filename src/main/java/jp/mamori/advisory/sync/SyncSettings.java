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
 * Each source's keys are owned by its own settings ({@link NvdSyncSettings}, {@link JvnSyncSettings},
 * {@link OsvSyncSettings}); the HTTP client's by {@link HttpSettings}; this class reads the file and
 * routes each key by its prefix.
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

    public static final URI DEFAULT_KEV_URL = URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
    public static final URI DEFAULT_EPSS_URL = URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");

    private final LocalDate since;
    private final NvdSyncSettings nvd;
    private final JvnSyncSettings jvn;
    private final OsvSyncSettings osv;
    private final URI kevUrl;
    private final URI epssUrl;
    private final RetryPolicy retry;
    private final HttpSettings http;

    private SyncSettings(Builder b) {
        since = b.since;
        nvd = b.nvd;
        jvn = b.jvn;
        osv = b.osv;
        kevUrl = Objects.requireNonNull(b.kevUrl, "kev.url");
        epssUrl = Objects.requireNonNull(b.epssUrl, "epss.url");
        retry = Objects.requireNonNull(b.retry);
        http = b.http;
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
        Map<String, String> values = file == null ? Map.of() : read(file);
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
        return b.build();
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            JsonNode root;
            try (InputStream in = Files.newInputStream(file)) {
                root = new ObjectMapper(new YAMLFactory()).readTree(in);
            }
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) throw new IllegalArgumentException(file + ": expected a map of settings");
                flatten("", root, values);
            }
        } else {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String k : p.stringPropertyNames()) values.put(k.trim(), p.getProperty(k).trim());
        }
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out);
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.asText()));
                out.put(key, String.join(",", items));
            } else if (!v.isNull()) {
                out.put(key, v.asText());
            }
        }
    }

    public LocalDate since() { return since; }

    public NvdSyncSettings nvd() { return nvd; }

    public JvnSyncSettings jvn() { return jvn; }

    public OsvSyncSettings osv() { return osv; }

    public URI kevUrl() { return kevUrl; }

    public URI epssUrl() { return epssUrl; }

    public RetryPolicy retry() { return retry; }

    public HttpSettings http() { return http; }

    @Override
    public String toString() {
        return "SyncSettings[nvd=" + nvd + ", kev=" + kevUrl + ", epss=" + epssUrl + ", jvn=" + jvn.url()
                + ", osv=" + osv.urlTemplate() + " " + osv.ecosystems() + ", since=" + since + ", retry=" + retry
                + (http.proxy() == null ? "" : ", proxy=" + http.proxy()) + "]";
    }

    /**
     * Mutable builder. Every typed setter goes through {@link #set(String, String)}, so a value set in
     * code is checked exactly like the same value in a file.
     */
    public static final class Builder {
        private LocalDate since;
        private NvdSyncSettings nvd = NvdSyncSettings.DEFAULTS;
        private JvnSyncSettings jvn = JvnSyncSettings.DEFAULTS;
        private OsvSyncSettings osv = OsvSyncSettings.DEFAULTS;
        private URI kevUrl = DEFAULT_KEV_URL;
        private URI epssUrl = DEFAULT_EPSS_URL;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private HttpSettings http = HttpSettings.DEFAULTS;

        private Builder() { }

        private Builder(SyncSettings s) {
            since = s.since;
            nvd = s.nvd;
            jvn = s.jvn;
            osv = s.osv;
            kevUrl = s.kevUrl;
            epssUrl = s.epssUrl;
            retry = s.retry;
            http = s.http;
        }

        public Builder since(LocalDate v) { since = v; return this; }
        public Builder nvdUrl(URI v) { return set("nvd.url", v.toString()); }
        public Builder nvdApiKey(String v) { nvd = nvd.withApiKey(v); return this; }
        public Builder nvdPageSize(int v) { return set("nvd.pageSize", Integer.toString(v)); }
        public Builder nvdWindowDays(int v) { return set("nvd.windowDays", Integer.toString(v)); }
        public Builder nvdDelayWithoutKey(Duration v) { return set("nvd.delayWithoutKey", v.toString()); }
        public Builder nvdDelayWithKey(Duration v) { return set("nvd.delayWithKey", v.toString()); }
        public Builder kevUrl(URI v) { return set("kev.url", v.toString()); }
        public Builder epssUrl(URI v) { return set("epss.url", v.toString()); }
        public Builder jvnUrl(URI v) { return set("jvn.url", v.toString()); }
        public Builder jvnPageSize(int v) { return set("jvn.pageSize", Integer.toString(v)); }
        public Builder jvnDetailBatch(int v) { return set("jvn.detailBatch", Integer.toString(v)); }
        public Builder jvnDelay(Duration v) { return set("jvn.delay", v.toString()); }
        public Builder jvnWindowDays(int v) { return set("jvn.windowDays", Integer.toString(v)); }
        public Builder jvnInitialLookbackDays(int v) { return set("jvn.initialLookbackDays", Integer.toString(v)); }
        public Builder jvnDateFilter(JvnSyncSettings.DateFilter v) { return set("jvn.dateFilter", v.name()); }
        public Builder jvnLang(String v) { return set("jvn.lang", v); }
        public Builder osvUrlTemplate(String v) { return set("osv.url", v); }
        public Builder osvEcosystems(List<String> v) { return set("osv.ecosystems", String.join(",", v)); }
        public Builder retry(RetryPolicy v) { retry = Objects.requireNonNull(v); return this; }
        public Builder connectTimeout(Duration v) { return set("http.connectTimeout", v.toString()); }
        public Builder requestTimeout(Duration v) { return set("http.requestTimeout", v.toString()); }
        public Builder proxy(URI v) { return set("http.proxy", v == null ? "" : v.toString()); }
        public Builder userAgent(String v) { return set("http.userAgent", v); }
        public Builder maxDownloadBytes(long v) { return set("http.maxDownloadBytes", Long.toString(v)); }

        /** Sets one file key (see the class comment); the key's prefix names whose setting it is. */
        public Builder set(String key, String value) {
            String v = value == null ? "" : value.trim();
            int dot = key.indexOf('.');
            String prefix = dot < 0 ? key : key.substring(0, dot);
            String rest = dot < 0 ? "" : key.substring(dot + 1);
            switch (prefix) {
                case "since" -> {
                    if (!rest.isEmpty()) throw SettingValues.unknown(key);
                    try {
                        since = v.isEmpty() ? null : LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(key + ": invalid value '" + v + "'", e);
                    }
                }
                case "nvd" -> nvd = nvd.with(rest, v);
                case "jvn" -> jvn = jvn.with(rest, v);
                case "osv" -> osv = osv.with(rest, v);
                case "http" -> http = http.with(rest, v);
                case "retry" -> retry = retry(rest, key, v);
                case "kev", "epss" -> {
                    if (!rest.equals("url")) throw SettingValues.unknown(key);
                    if (prefix.equals("kev")) kevUrl = SettingValues.url(key, v);
                    else epssUrl = SettingValues.url(key, v);
                }
                default -> throw SettingValues.unknown(key);
            }
            return this;
        }

        private RetryPolicy retry(String rest, String key, String v) {
            RetryPolicy r = retry;
            try {
                return switch (rest) {
                    case "maxAttempts" -> new RetryPolicy(Integer.parseInt(v), r.initialDelay(), r.maxDelay(), r.jitter(), r.maxRetryAfter());
                    case "initialDelay" -> new RetryPolicy(r.maxAttempts(), SettingValues.duration(key, v), r.maxDelay(), r.jitter(), r.maxRetryAfter());
                    case "maxDelay" -> new RetryPolicy(r.maxAttempts(), r.initialDelay(), SettingValues.duration(key, v), r.jitter(), r.maxRetryAfter());
                    case "jitter" -> new RetryPolicy(r.maxAttempts(), r.initialDelay(), r.maxDelay(), Double.parseDouble(v), r.maxRetryAfter());
                    case "maxRetryAfter" -> new RetryPolicy(r.maxAttempts(), r.initialDelay(), r.maxDelay(), r.jitter(), SettingValues.duration(key, v));
                    default -> throw SettingValues.unknown(key);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": invalid value '" + v + "'", e);
            }
        }

        public SyncSettings build() {
            return new SyncSettings(this);
        }
    }
}
