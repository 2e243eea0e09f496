package jp.mamori.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.MutableClock;
import jp.mamori.remediation.RemediationFixture;
import jp.mamori.remediation.schedule.RemediationScheduler;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** E-mail delivered to a real SMTP server running in the test (GreenMail on 127.0.0.1), and no storms. */
class SmtpNotificationTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final Instant MORNING = Instant.parse("2026-12-01T00:00:00Z");

    private static Notifier notifier(RemediationFixture fx) {
        SmtpSettings settings = SmtpSettings.resolve(null, Map.of("MAMORI_SMTP_HOST", "127.0.0.1",
                "MAMORI_SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort()), "MAMORI_SMTP_FROM", "mamori@city.example")).orElseThrow();
        return new Notifier(fx.db, fx.recipients, new SmtpMailTransport(settings, fx.clock), null, fx.clock);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDecisionReachesTheOfficerByEmailInJapanese(TestDatabases.Kind kind) throws Exception {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            long id = fx.finding(fx.gateway, "device", "CVE-2023-4966", "act", fx.today(), FindingState.NEW);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.MITIGATE, "直ちに回避策を適用し、2週間以内にパッチを適用する", "sec-officer")
                    .withUntil(fx.today().plusDays(14)));

            Notifier.Report r = notifier(fx).flush();

            assertThat(r.messages()).isEqualTo(1);
            assertThat(r.failures()).isZero();
            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage m = received[0];
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("officer@city.example");
            assertThat(m.getFrom()[0].toString()).isEqualTo("mamori@city.example");
            assertThat(m.getSubject()).contains("【至急】").contains("脆弱性対応の更新 1 件");
            assertThat(GreenMailUtil.getBody(m)).isNotEmpty();
            assertThat((String) m.getContent()).contains("直ちに回避策を適用し").contains("CVE-2023-4966")
                    .as("deciding to mitigate plans the mitigation; it is applied only when its items are done").contains("回避策計画中");
            assertThat(fx.count("SELECT COUNT(*) FROM notification_delivery WHERE ok = TRUE AND channel = 'email'")).isEqualTo(1);
            assertThat(notifier(fx).flush().messages()).as("nothing is sent twice").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aThousandFindingsChangingAtOnceSendAtMostOneEmailPerRecipient(TestDatabases.Kind kind) throws Exception {
        MutableClock clock = new MutableClock(MORNING);
        try (RemediationFixture fx = new RemediationFixture(kind, clock)) {
            fx.securitySchema();
            long ciso = fx.user("ciso", "SECURITY_OFFICER", "ciso@city.example");
            fx.makeCiso(ciso);
            fx.assign(fx.user("juki-admin", "SYSTEM_ADMIN", "juki@city.example"), fx.juki.id());
            for (int i = 0; i < 1000; i++) {
                fx.finding(fx.server, "purl:pkg" + i, "CVE-2024-" + (10000 + i), "act", fx.today().minusDays(1), FindingState.NEW);
            }

            var report = new RemediationScheduler(fx.db, notifier(fx)).runDaily(clock);

            assertThat(report.overdueMarked()).isEqualTo(1000);
            MimeMessage[] received = SMTP.getReceivedMessages();
            List<String> to = Arrays.stream(received).map(m -> {
                try {
                    return m.getAllRecipients()[0].toString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertThat(to).containsExactly("ciso@city.example", "juki@city.example", "officer@city.example");
            String body = (String) received[0].getContent();
            assertThat(body).contains("更新 1000 件").contains("ほか 950 件");
        }
    }

    @Test
    void settingsComeFromAFileAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("notify.yaml");
        Files.writeString(yaml, "smtp:\n  host: mail.lg.example\n  port: 587\n  from: mamori@city.example\n  tls: starttls\n  user: mamori\n");
        SmtpSettings s = SmtpSettings.resolve(yaml, Map.of("MAMORI_SMTP_PASSWORD", "secret")).orElseThrow();
        assertThat(s.host()).isEqualTo("mail.lg.example");
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS);
        assertThat(s.password()).isEqualTo("secret");
        assertThat(s.toString()).doesNotContain("secret");
        Path props = dir.resolve("notify.properties");
        Files.writeString(props, "smtp.host=relay.example\nsmtp.tls=ssl\n");
        SmtpSettings p = SmtpSettings.resolve(props, Map.of("MAMORI_SMTP_HOST", "override.example")).orElseThrow();
        assertThat(p.host()).isEqualTo("override.example");
        assertThat(p.port()).isEqualTo(465);
        assertThat(SmtpSettings.resolve(null, Map.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anUnreachableServerIsReportedNotThrown(TestDatabases.Kind kind) {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            long id = fx.finding(fx.server, "purl:x", "CVE-1", "attend", fx.today().plusDays(5), FindingState.NEW);
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.FALSE_POSITIVE, "wrong product", "sec-officer"));
            SmtpSettings dead = new SmtpSettings("127.0.0.1", 1, "m@example.jp", SmtpSettings.Tls.NONE, null, null, 2000);
            Notifier.Report r = new Notifier(fx.db, fx.recipients, new SmtpMailTransport(dead, Clock.systemUTC()), null, fx.clock).flush();
            assertThat(r.failures()).isEqualTo(1);
            assertThat(r.errors()).singleElement().asString().contains("officer@city.example");
            assertThat(fx.count("SELECT COUNT(*) FROM notification_delivery WHERE ok = FALSE")).isEqualTo(1);
        }
    }
}
