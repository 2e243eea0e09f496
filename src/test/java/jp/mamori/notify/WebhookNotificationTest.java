package jp.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.MutableClock;
import jp.mamori.remediation.RecordingMail;
import jp.mamori.remediation.RemediationFixture;
import jp.mamori.notify.NotificationSettingsException;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Webhooks posted to a local HTTP receiver (127.0.0.1 only): generic JSON, Teams and Slack. */
class WebhookNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MORNING = Instant.parse("2026-12-01T00:00:00Z");

    private HttpServer server;
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String path : List.of("/generic", "/teams", "/slack", "/broken")) {
            server.createContext(path, ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add(body);
                int status = path.equals("/broken") ? 500 : 200;
                ex.sendResponseHeaders(status, -1);
                ex.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void eachWebhookGetsOnePostPerRunInItsOwnFormat(TestDatabases.Kind kind) throws Exception {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            NotificationSettingsStore store = new NotificationSettingsStore(fx.db.dataSource());
            store.addWebhook(fx.org.id(), "security-team", WebhookKind.GENERIC, url("/generic"), true);
            store.addWebhook(fx.org.id(), "slack", WebhookKind.SLACK, url("/slack"), true);
            long teamsUser = fx.user("teams-user", "SECURITY_OFFICER", null);
            store.setPreference(teamsUser, new Preference(Preference.Channel.WEBHOOK, true, WebhookKind.TEAMS, url("/teams")));
            for (int i = 0; i < 3; i++) {
                long id = fx.finding(fx.gateway, "device" + i, "CVE-2023-496" + i, "act", fx.today().plusDays(3), FindingState.NEW);
                fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.PATCH, "緊急保守で適用", "sec-officer").withUntil(fx.today().plusDays(2)));
            }

            Notifier.Report r = new Notifier(fx.db, fx.recipients, new RecordingMail(), new WebhookSender(Duration.ofSeconds(5)), fx.clock).flush();

            assertThat(r.failures()).isZero();
            assertThat(received.get("/generic")).hasSize(1);
            JsonNode generic = JSON.readTree(received.get("/generic").get(0));
            assertThat(generic.get("schema").asText()).isEqualTo("mamori.notification/1");
            assertThat(generic.get("organization").asText()).isEqualTo("試験市");
            assertThat(generic.get("events")).hasSize(3);
            assertThat(generic.get("events").get(0).get("kind").asText()).isEqualTo("decision");
            assertThat(generic.get("events").get(0).get("ja").asText()).contains("緊急保守で適用");
            assertThat(generic.get("urgent").asBoolean()).isTrue();

            assertThat(received.get("/teams")).hasSize(1);
            JsonNode teams = JSON.readTree(received.get("/teams").get(0));
            assertThat(teams.get("type").asText()).isEqualTo("message");
            JsonNode card = teams.get("attachments").get(0);
            assertThat(card.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(card.at("/content/type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.at("/content/body/0/text").asText()).contains("脆弱性対応の更新 3 件");

            assertThat(received.get("/slack")).hasSize(1);
            JsonNode slack = JSON.readTree(received.get("/slack").get(0));
            assertThat(slack.get("text").asText()).contains("脆弱性対応の更新 3 件");
            assertThat(slack.at("/blocks/0/type").asText()).isEqualTo("header");
            assertThat(slack.at("/blocks/1/text/text").asText()).contains("緊急保守で適用");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFailingWebhookIsRecordedAndDoesNotStopTheOthers(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            NotificationSettingsStore store = new NotificationSettingsStore(fx.db.dataSource());
            store.addWebhook(fx.org.id(), "broken", WebhookKind.GENERIC, url("/broken"), true);
            store.addWebhook(fx.org.id(), "ok", WebhookKind.GENERIC, url("/generic"), true);
            long id = fx.finding(fx.server, "purl:x", "CVE-1", "track", fx.today().plusDays(90), FindingState.NEW);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.TRIAGE, "looking into it", "sec-officer"));

            Notifier.Report r = new Notifier(fx.db, fx.recipients, new RecordingMail(), null, fx.clock).flush();

            assertThat(r.failures()).isEqualTo(1);
            assertThat(r.errors()).singleElement().asString().contains("webhook:broken").contains("500");
            assertThat(received.get("/generic")).hasSize(1);
        }
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> WebhookSender.checkUrl("file:///etc/passwd")).isInstanceOf(NotificationSettingsException.class);
        assertThatThrownBy(() -> WebhookSender.checkUrl("not a url")).isInstanceOf(NotificationSettingsException.class);
        assertThat(WebhookSender.redact("https://hooks.slack.com/services/T000/B000/XXXX")).isEqualTo("https://hooks.slack.com/…");
    }
}
