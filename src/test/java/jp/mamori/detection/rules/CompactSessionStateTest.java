package jp.mamori.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.mamori.detection.logs.EventKind;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact forms a session is kept in give back exactly what the log wrote. */
class CompactSessionStateTest {

    static final String LOGIN = "<134> 11/24/2026:00:00:05 GMT ns1 0-PPE-0 : default SSLVPN LOGIN 1234 0 : Context u1234@198.51.4.210 - SessionId: 101234"
            + " - User u1234 - Client_ip 198.51.4.210 - Nat_ip \"Mapped Ip\" - Vserver 192.0.2.10:443 - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"";

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "198.51.100.7", "10.0.0.1", "1.2.3.4", "192.168.10.200"})
    void canonicalIpv4IsPackedAndReadBackAsWritten(String address) {
        long packed = Ipv4.pack(address);
        assertThat(packed).isNotEqualTo(Ipv4.NONE);
        assertThat(Ipv4.text(packed)).isEqualTo(address);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"010.1.1.1", "1.2.3.04", "00.1.2.3", "256.1.1.1", "1.2.3.999", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.",
            "::1", "2001:db8::1", "::ffff:1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4:443", "-1.2.3.4", "１.２.３.４", "a.b.c.d", "1.2.3.4/32"})
    void anythingElseStaysText(String address) {
        assertThat(Ipv4.pack(address)).isEqualTo(Ipv4.NONE);
    }

    @Test
    void sessionKeepsTheLoginAddressAsWritten() {
        for (String ip : Arrays.asList("198.51.4.210", "2001:db8::1", "010.1.1.1", "0.0.0.0", null)) {
            DetectionEngine.Session s = new DetectionEngine.Session("u1", ip, null, Instant.EPOCH, "f.log", 1, "x");
            assertThat(s.loginIp()).isEqualTo(ip);
            assertThat(s.hasLoginIp()).isEqualTo(ip != null);
            if (ip != null) assertThat(s.loggedInFrom(ip)).isTrue();
            assertThat(s.loggedInFrom("198.51.4.211")).isFalse();
        }
    }

    @Test
    void loginLinesComeBackCharacterForCharacter() {
        String[][] cases = {
                {LOGIN, "u1234"},
                {LOGIN, null},
                {LOGIN, "u1"},
                {LOGIN, "staff"},
                {"2026-11-24 09:00:00 利用者 田中 が 203.0.113.5 からログイン 0007", "田中"},
                {"000123", "u"},
                {"12345678901234567890123456789012345678901234567890", null},
                {"no digits at all", "at"},
                {"", "u1"},
                {"user u1 u1u1 u1", "u1"},
                {"1", null},
                {"a\u0000b 12 \t 3", null},
                {"marker \u0001 in the line 12", "u1"},
                {"marker \u0002 in the line 12", "u1"},
                {"2001:db8::1 login 7", "login"},
                {"abc 1", null},
                {"abc 1 x", null},
                {"abc", null},
                {"abc 12", null},
                {"0123 x12 12", "12"},
                {"u1 u1", "u1"},
                {"u1 u1 ", "u1"},
                {"u1", "u1"},
        };
        LineShapes shapes = new LineShapes();
        for (String[] c : cases) {
            LineShapes.Packed p = shapes.pack(c[0], c[1]);
            assertThat(p.text(c[1])).as("%s / %s", c[0], c[1]).isEqualTo(c[0]);
        }
        assertThat(shapes.pack(null, "u1").text("u1")).isNull();
    }

    @Test
    void aLineHoldingAMarkerIsKeptAsItIs() {
        LineShapes.Packed p = new LineShapes().pack("a\u0001b 12", "u1");
        assertThat(p.shape()).isEqualTo("a\u0001b 12");
        assertThat(p.digits()).isNull();
    }

    @Test
    void loginLinesOfOneShapeShareItsText() {
        LineShapes shapes = new LineShapes();
        LineShapes.Packed a = shapes.pack(LOGIN, "u1234");
        LineShapes.Packed b = shapes.pack(LOGIN.replace("1234", "98765").replace("4.210", "7.3"), "u98765");
        assertThat(b.shape()).isSameAs(a.shape());
        assertThat(a.digits().length).isLessThan(LOGIN.length() / 4);
    }

    @Test
    void stateCodecRoundTripsPackedSessionsInTheSameLayout() {
        LineShapes shapes = new LineShapes();
        for (String ip : Arrays.asList("198.51.4.210", "2001:db8::1", "010.1.1.1", null)) {
            DetectionEngine.Session packed = new DetectionEngine.Session("u1234", ip, "Mozilla/5.0", Instant.parse("2026-11-24T00:00:05Z"), "ns.log", 7,
                    shapes.pack(LOGIN, "u1234"));
            DetectionEngine.Session plain = new DetectionEngine.Session("u1234", ip, "Mozilla/5.0", Instant.parse("2026-11-24T00:00:05Z"), "ns.log", 7, LOGIN);
            byte[] bytes = StateCodec.encode(packed);
            assertThat(bytes).isEqualTo(StateCodec.encode(plain));
            DetectionEngine.Session back = (DetectionEngine.Session) StateCodec.decode(bytes);
            assertThat(back.loginIp()).isEqualTo(ip);
            assertThat(back.loginEvidence()).isEqualTo(new Evidence("ns.log", 7, LOGIN));
        }
    }

    @Test
    void userStateKeepsOneOrSeveralSessionsThroughTheCodec() {
        DetectionEngine.UserState one = new DetectionEngine.UserState();
        one.addSessionKey("gw|1", true);
        one.addSessionKey("gw|1", true);
        assertThat(((DetectionEngine.UserState) StateCodec.decode(StateCodec.encode(one))).sessionKeys()).containsExactly("gw|1");
        DetectionEngine.UserState two = new DetectionEngine.UserState();
        two.addSessionKey("gw|1", true);
        two.addSessionKey("gw|2", true);
        two.hijack("203.0.113.9", "2");
        DetectionEngine.UserState back = (DetectionEngine.UserState) StateCodec.decode(StateCodec.encode(two));
        assertThat(back.sessionKeys()).containsExactly("gw|1", "gw|2");
        assertThat(back.hijackers).containsEntry("203.0.113.9", "2");
        back.removeSessionKey("gw|1");
        back.removeSessionKey("gw|2");
        assertThat(back.hasSessions()).isFalse();
    }

    @Test
    void driftEvidenceShowsTheLoginLineAndAddressesAsLogged() {
        for (String loginIp : List.of("198.51.4.210", "2001:db8::1")) {
            List<Detection> found = new ArrayList<>();
            DetectionEngine engine = new DetectionEngine(DetectionPolicy.defaults(), List.of(), found::add);
            DetectionEngine.Device gw = new DetectionEngine.Device("gw", false, List.of());
            String login = LOGIN.replace("198.51.4.210", loginIp);
            engine.accept(LogEvent.of(LogSource.NETSCALER, 1, Instant.parse("2026-11-24T00:00:05Z"), EventKind.LOGIN, login)
                    .user("u1234").session("101234").client(loginIp).userAgent("Mozilla/5.0").build(), "ns.log", gw);
            engine.accept(LogEvent.of(LogSource.NETSCALER, 2, Instant.parse("2026-11-24T00:05:00Z"), EventKind.SESSION_ACTIVITY, "activity line")
                    .user("u1234").session("101234").client("203.0.113.9").build(), "ns.log", gw);
            Detection d = found.stream().filter(x -> x.rule().equals("session-ip-drift")).findFirst().orElseThrow();
            assertThat(d.sourceIps()).containsExactly(loginIp, "203.0.113.9");
            assertThat(d.evidence()).containsExactly(new Evidence("ns.log", 1, login), new Evidence("ns.log", 2, "activity line"));
            assertThat(d.summaryEn()).contains("not from " + loginIp + " where it logged in");
        }
    }
}
