package jp.mamori.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts a message to a webhook (generic JSON, Teams or Slack). No redirects: a webhook URL is an exact address. */
public final class WebhookSender {

    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void send(WebhookKind kind, String url, Message m) throws IOException, InterruptedException {
        post(url, WebhookPayloads.render(kind, m));
    }

    void post(String url, String json) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Mamori")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) {
            String body = resp.body() == null ? "" : resp.body();
            throw new IOException("webhook answered HTTP " + resp.statusCode() + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
        }
    }

    /** Only absolute http(s) URLs with a host. */
    public static void checkUrl(String url) {
        URI u;
        try {
            u = url == null ? null : URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || u.getHost() == null || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
            throw new NotificationSettingsException("WebhookのURLが不正です（http/https のURL）: '" + url + "'", "bad webhook URL (http or https): '" + url + "'");
        }
    }

    /** For messages: the host only, since a webhook's path is its secret. */
    public static String redact(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + "/…";
        } catch (IllegalArgumentException e) {
            return "(webhook)";
        }
    }
}
