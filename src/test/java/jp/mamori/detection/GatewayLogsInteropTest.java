package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.detection.logs.EventKind;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.Detection;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/**
 * The gateway parsers against the real public samples in {@code ../shared/fixtures/logs/}
 * (Elastic's pipeline test inputs; read in place, never copied). Skipped, with the reason
 * printed, when the fixtures are absent.
 */
class GatewayLogsInteropTest {

    record Read(LogReader.Report report, List<LogEvent> events) {
        List<LogEvent> of(EventKind kind) {
            return events.stream().filter(e -> e.kind() == kind).toList();
        }
    }

    /** Read with the format detected from the lines, as {@code logs import} does without --source. */
    static Read read(Path file) throws IOException {
        List<LogEvent> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            LogReader.Report r = new LogReader().read(in, new LogReader.Options(null, null, ZoneId.of("Asia/Tokyo"),
                    Instant.parse("2026-12-01T00:00:00Z"), 0), out::add);
            return new Read(r, out);
        }
    }

    @Test
    void pulseConnectSecureSamples() throws IOException {
        Path dir = SharedFixtures.require("logs/pulse_connect_secure");
        Read vpn = read(dir.resolve("test-log-vpn.log"));
        assertThat(vpn.report().source()).isEqualTo(LogSource.PULSE);
        assertThat(vpn.report().lines()).isEqualTo(25);
        assertThat(vpn.report().rejectedCount()).isZero();
        assertThat(vpn.of(EventKind.LOGIN)).extracting(LogEvent::sessionId)
                .containsExactly("sid74fa8e00ca601280318287f67dfaee7cc6da40db0be6ac75", "5f934b7c31");
        LogEvent agent = vpn.of(EventKind.LOGIN).get(0);
        assertThat(agent.user()).isEqualTo("user.name");
        assertThat(agent.clientIp()).isEqualTo("89.160.20.156");
        assertThat(agent.userAgent()).isEqualTo("Pulse-Secure/9.1.13.11723 (Windows 10) Pulse/9.1.13.11723");
        assertThat(agent.at()).isEqualTo(Instant.parse("2021-10-19T07:10:35Z"));
        assertThat(agent.line()).isEqualTo(2);
        assertThat(vpn.of(EventKind.LOGOUT)).extracting(LogEvent::sessionId)
                .containsExactly("sid085594569c49f5da11e483b49eaaabfc6fede5ce4a227da4", "64e62c265e", "681cfe5eba", "bb4441a05a", "bb4441a05a");
        assertThat(vpn.of(EventKind.LOGIN_FAILED)).hasSize(3);
        assertThat(vpn.of(EventKind.SESSION_ACTIVITY)).anySatisfy(e -> {
            assertThat(e.sessionId()).isEqualTo("sid9734dc3a195205ddb89cc05a9261a271201b4687ab468240");
            assertThat(e.userAgent()).isEqualTo("Pulse-Secure/9.1.11.6725 (Windows 10) Pulse/9.1.11.6725");
        });
        assertThat(vpn.events()).allSatisfy(e -> assertThat(e.user()).isNotEqualTo("System"));
        assertThat(GatewayParsersTest.rules(vpn.events())).as("the samples hold no hijack").extracting(Detection::rule)
                .doesNotContain("session-ip-drift", "session-agent-drift", "vdi-launch-from-new-address");

        Read system = read(dir.resolve("test-log-system.log"));
        assertThat(system.report().source()).isEqualTo(LogSource.PULSE);
        assertThat(system.report().rejectedCount()).isZero();
        assertThat(system.of(EventKind.LOGOUT)).singleElement().satisfies(e -> assertThat(e.user()).isEqualTo("user.name"));

        Read admin = read(dir.resolve("test-log-admin.log"));
        assertThat(admin.report().source()).isEqualTo(LogSource.PULSE);
        assertThat(admin.report().lines()).isEqualTo(10);
        assertThat(admin.of(EventKind.LOGIN_FAILED)).hasSize(3).allSatisfy(e -> assertThat(e.user()).isEqualTo("admin"));

        Read syslog = read(dir.resolve("test-log-syslog.log"));
        assertThat(syslog.report().source()).isEqualTo(LogSource.PULSE);
        assertThat(syslog.report().rejectedCount()).isZero();
    }

    @Test
    void fortigateSamples() throws IOException {
        Path dir = SharedFixtures.require("logs/fortinet_fortigate");
        Read all = read(dir.resolve("test-fortinet.log"));
        assertThat(all.report().source()).isEqualTo(LogSource.FORTIGATE);
        assertThat(all.report().lines()).isEqualTo(53);
        assertThat(all.report().rejected()).as("the two lines with an empty date= and no logid").hasSize(2)
                .allSatisfy(x -> assertThat(x.reason()).contains("not a FortiGate key=value line"));
        assertThat(all.of(EventKind.LOGIN)).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo("someuser");
            assertThat(e.sessionId()).isEqualTo("2345");
            assertThat(e.clientIp()).isEqualTo("67.43.156.13");
            assertThat(e.target()).isEqualTo("10.10.10.10");
            assertThat(e.at()).isEqualTo(Instant.parse("2020-04-23T17:23:47Z"));
        });
        assertThat(all.of(EventKind.LOGIN_FAILED)).extracting(LogEvent::user).containsExactly("philipp", "${exploit_user_name");
        assertThat(all.events()).extracting(LogEvent::kind).doesNotContain(EventKind.WEB_REQUEST);

        Read v76 = read(dir.resolve("test-fortinet-7-6.log"));
        assertThat(v76.report().source()).isEqualTo(LogSource.FORTIGATE);
        assertThat(v76.report().rejectedCount()).isZero();
        assertThat(v76.of(EventKind.ADMIN_COMMAND)).extracting(LogEvent::detail).containsExactly("Edit system.admin admin", "Delete user.local test01",
                "Add user.local test01", "Edit firewall.policy 2", "Add firewall.policy 2", "Delete firewall.policy 2");
        assertThat(v76.of(EventKind.ADMIN_COMMAND).get(0).at()).as("tz=-0700").isEqualTo(Instant.parse("2026-04-03T00:34:14Z"));
        assertThat(v76.of(EventKind.LOGIN_FAILED)).singleElement().satisfies(e -> assertThat(e.clientIp()).isEqualTo("172.16.1.2"));
        assertThat(GatewayParsersTest.rules(v76.events())).as("09:34-09:52 in Tokyo: working hours").isEmpty();
    }

    @Test
    void globalProtectSamples() throws IOException {
        Path file = SharedFixtures.require("logs/panw/test-panw-panos-globalprotect-sample.log");
        Read gp = read(file);
        assertThat(gp.report().source()).isEqualTo(LogSource.GLOBALPROTECT);
        assertThat(gp.report().lines()).isEqualTo(12);
        assertThat(gp.report().rejectedCount()).as("both CSV layouts").isZero();
        assertThat(gp.of(EventKind.LOGIN)).singleElement().satisfies(e -> {
            assertThat(e.user()).isEqualTo("maxmustermann");
            assertThat(e.clientIp()).isEqualTo("10.20.30.40");
            assertThat(e.sessionId()).isEqualTo("maxmustermann@985e865f-7da3-43b4-89a9-299b1bb0c975");
            assertThat(e.at()).isEqualTo(Instant.parse("2021-03-02T00:55:39Z"));
            assertThat(e.line()).isEqualTo(6);
        });
        assertThat(gp.of(EventKind.LOGOUT)).singleElement().satisfies(e -> assertThat(e.user()).isEqualTo("domain\\user"));
        assertThat(gp.events()).as("pre-logon and pre-login events name no user").noneSatisfy(e -> assertThat(e.user()).isIn("pre-logon", "Max.Mustermann@domain.de"));
        assertThat(gp.of(EventKind.SESSION_ACTIVITY)).hasSize(6).anySatisfy(e -> {
            assertThat(e.at()).as("9.1 layout, ISO time").isEqualTo(Instant.parse("2021-11-09T21:45:14Z"));
            assertThat(e.clientIp()).as("IPv6 when there is no public IPv4").isEqualTo("fc00::1234");
        });
        // The sample joins records of one agent (host id 8cbc136b…) 18 days apart without a sign-in between,
        // from 10.1.1.1, 10.3.3.3 and fc00::1234 with two client versions: a session used from a new address
        // with a new agent, as the rules must say. No other agent's records change address.
        assertThat(GatewayParsersTest.rules(gp.events())).filteredOn(d -> d.category() == jp.mamori.detection.rules.Category.SESSION_HIJACK)
                .filteredOn(d -> !d.rule().equals("session-without-login"))
                .isNotEmpty().allSatisfy(d -> assertThat(d.sessionId()).isEqualTo("user@8cbc136b-e262-4cf8-912c-95ea132d9fef"));
    }
}
