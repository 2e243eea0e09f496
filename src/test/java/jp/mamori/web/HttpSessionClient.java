package jp.mamori.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client for pages (a browser without script) or an API token client; never follows redirects. */
final class HttpSessionClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final String token;
    final HttpClient http;
    String csrf;

    private HttpSessionClient(String base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpSessionClient browser(String base) {
        return new HttpSessionClient(base, null);
    }

    static HttpSessionClient api(String base, String token) {
        return new HttpSessionClient(base, token);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token).header("Accept", "application/json");
        else b.header("Accept", "text/html");
        return b;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    /** A GET with one more request header. */
    HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
        return http.send(request(path).header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>(form);
        if (token == null && csrf != null) f.put("_csrf", csrf);
        String body = f.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form whose fields may repeat (check boxes), with the CSRF token for sessions. */
    HttpResponse<String> postPairs(String path, java.util.List<Map.Entry<String, String>> pairs) throws IOException, InterruptedException {
        java.util.List<Map.Entry<String, String>> f = new java.util.ArrayList<>(pairs);
        if (token == null && csrf != null) f.add(Map.entry("_csrf", csrf));
        String body = f.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON body with POST, PATCH, ... (token clients; sessions also send the CSRF token as a header). */
    HttpResponse<String> sendJson(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        if (token == null && csrf != null) b.header("X-CSRF-TOKEN", csrf);
        return http.send(b.method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart upload of one file (field "file"), with the CSRF token for sessions. */
    HttpResponse<String> upload(String path, String fileName, byte[] content) throws IOException, InterruptedException {
        return upload(path, fileName, content, Map.of());
    }

    /** A multipart upload of one file (field "file") with other fields. */
    HttpResponse<String> upload(String path, String fileName, byte[] content, Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "----mamori" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder head = new StringBuilder();
        if (token == null && csrf != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n").append(csrf).append("\r\n");
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(e.getKey()).append("\"\r\n\r\n")
                    .append(e.getValue()).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/json\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A browser session signed in as a user with TOTP: password, then the current code (waiting for the next step
     * when the current one is about to end); fails unless the sign-in lands on the dashboard.
     */
    static HttpSessionClient signedIn(String base, String username, String password, String totpSecret) throws Exception {
        HttpSessionClient b = browser(base);
        b.get("/login");
        HttpResponse<String> r = b.postForm("/login", Map.of("username", username, "password", password));
        if (!"/login/totp".equals(location(r))) throw new AssertionError("password sign-in of " + username + " went to " + location(r));
        b.get("/login/totp");
        long intoStep = java.time.Instant.now().getEpochSecond() % jp.mamori.security.Totp.PERIOD;
        if (intoStep > jp.mamori.security.Totp.PERIOD - 3) Thread.sleep((jp.mamori.security.Totp.PERIOD - intoStep + 1) * 1000L);
        r = b.postForm("/login/totp", Map.of("code", jp.mamori.security.Totp.code(totpSecret,
                jp.mamori.security.Totp.step(java.time.Instant.now()))));
        if (!"/".equals(location(r))) throw new AssertionError("TOTP sign-in of " + username + " went to " + location(r));
        return b;
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
