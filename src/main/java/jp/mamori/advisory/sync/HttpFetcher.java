package jp.mamori.advisory.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import jp.mamori.advisory.Source;

/**
 * GETs one URL into a file with bounded retries. Transient failures (rate limiting, 5xx, I/O
 * errors) are retried with {@link RetryPolicy} back-off; a server's Retry-After is honoured. Other
 * statuses fail at once with a message naming the URL and status. Headers passed in (the NVD API
 * key) are never part of a message.
 */
public final class HttpFetcher {

    /** A finished request: 200 with the body in {@code file}, or 304 (no file). */
    public record Result(URI uri, int status, Path file, long bytes, HttpHeaders headers) {
        public boolean notModified() { return status == 304; }

        public Optional<String> header(String name) { return headers.firstValue(name); }
    }

    private final HttpClient client;
    private final SyncSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public HttpFetcher(HttpClient client, SyncSettings settings, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random == null ? () -> ThreadLocalRandom.current().nextDouble() : random;
    }

    public HttpFetcher(SyncSettings settings, Clock clock, Sleeper sleeper) {
        this(newHttpClient(settings), settings, clock, sleeper, null);
    }

    /** An HttpClient with the settings' timeouts and proxy; follows redirects except https→http. */
    public static HttpClient newHttpClient(SyncSettings settings) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(settings.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        URI proxy = settings.http().proxy();
        if (proxy != null) {
            int port = proxy.getPort() > 0 ? proxy.getPort() : ("https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80);
            b.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), port)));
        }
        return b.build();
    }

    /**
     * @param headers       extra request headers (conditional headers, the NVD apiKey)
     * @param target        where a 200 body is written (created or replaced)
     * @param retryOn403    NVD answers 403 when its rate limit is exceeded: retry it there
     */
    public Result get(Source source, URI uri, Map<String, String> headers, Path target, boolean retryOn403,
                      ProgressReporter reporter) throws FeedSyncException, InterruptedException {
        RetryPolicy policy = settings.retry();
        String url = uri.toString();
        for (int attempt = 1; ; attempt++) {
            if (Thread.interrupted()) throw new InterruptedException("sync interrupted");
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET().timeout(settings.http().requestTimeout());
            if (settings.http().userAgent() != null && !settings.http().userAgent().isBlank()) rb.header("User-Agent", settings.http().userAgent());
            headers.forEach(rb::header);
            HttpResponse<InputStream> response;
            int status;
            try {
                response = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
                status = response.statusCode();
                if (status == 200) {
                    long bytes = copy(response.body(), target, url);
                    return new Result(uri, status, target, bytes, response.headers());
                }
            } catch (IOException e) {
                deleteQuietly(target);
                if (e instanceof DownloadTooLargeException tooLarge) {
                    throw new FeedSyncException(tooLarge.getMessage(), url, 200);
                }
                if (attempt >= policy.maxAttempts()) {
                    throw new FeedSyncException("cannot fetch " + url + " after " + attempt + " attempt(s): " + describe(e), url, 0, e);
                }
                Duration wait = policy.backoff(attempt, random.getAsDouble());
                reporter.retrying(source, url, 0, wait, attempt, policy.maxAttempts());
                sleeper.sleep(wait);
                continue;
            }
            if (status == 304) {
                closeQuietly(response.body());
                return new Result(uri, status, null, 0, response.headers());
            }
            boolean transientStatus = status == 429 || status == 500 || status == 502 || status == 503 || status == 504
                    || (status == 403 && retryOn403);
            String detail = errorDetail(response);
            if (transientStatus && attempt < policy.maxAttempts()) {
                Optional<Duration> serverWait = retryAfter(response.headers(), policy);
                Duration wait = serverWait.isPresent() ? serverWait.get() : policy.backoff(attempt, random.getAsDouble());
                reporter.retrying(source, url, status, wait, attempt, policy.maxAttempts());
                sleeper.sleep(wait);
                continue;
            }
            String msg = "HTTP " + status + reason(status) + " from " + url
                    + (transientStatus ? " after " + attempt + " attempt(s)" : "")
                    + (status == 403 && retryOn403 ? " (rate limit exceeded or API key refused)" : "")
                    + (detail.isEmpty() ? "" : ": " + detail);
            throw new FeedSyncException(msg, url, status);
        }
    }

    private long copy(InputStream body, Path target, String url) throws IOException {
        long max = settings.http().maxDownloadBytes();
        long total = 0;
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > max) {
                    throw new DownloadTooLargeException("response from " + url + " is larger than http.maxDownloadBytes (" + max + " bytes); refused");
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    /** The NVD puts the reason of a 4xx in a "message" header; otherwise the start of the body. */
    private static String errorDetail(HttpResponse<InputStream> response) {
        String header = response.headers().firstValue("message").orElse("");
        String body = "";
        try (InputStream in = response.body()) {
            byte[] b = in.readNBytes(300);
            body = new String(b, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the status is what matters
        }
        String text = !header.isBlank() ? header : body;
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) sb.append(Character.isISOControl(c) ? ' ' : c);
        String s = sb.toString().replaceAll("\\s+", " ").trim();
        if (s.startsWith("<")) return ""; // an HTML error page says nothing useful
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    Optional<Duration> retryAfter(HttpHeaders headers, RetryPolicy policy) {
        Optional<String> v = headers.firstValue("Retry-After");
        if (v.isEmpty() || v.get().isBlank()) return Optional.empty();
        String s = v.get().trim();
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                d = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) d = Duration.ZERO;
        if (d.compareTo(policy.maxRetryAfter()) > 0) d = policy.maxRetryAfter();
        return Optional.of(d);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is removed by the next sync
        }
    }

    private static final class DownloadTooLargeException extends IOException {
        DownloadTooLargeException(String m) { super(m); }
    }
}
