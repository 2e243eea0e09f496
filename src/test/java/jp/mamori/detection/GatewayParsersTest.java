package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.mamori.detection.logs.EventKind;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogFileException;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.SigmaRules;
import org.junit.jupiter.api.Test;

/**
 * The telework gateways other than NetScaler (Ivanti/Pulse Connect Secure, FortiGate SSL-VPN,
 * Palo Alto GlobalProtect) on small logs written for these tests in the devices' real formats:
 * the session events the rules consume, the rules firing on them, and hostile input.
 */
class GatewayParsersTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final DetectionEngine.Device GATEWAY = new DetectionEngine.Device("vpn-gw-01", false, List.of());

    record Read(LogReader.Report report, List<LogEvent> events) { }

    static Read read(byte[] bytes, LogSource source) throws IOException {
        List<LogEvent> out = new ArrayList<>();
        LogReader.Report r = new LogReader().read(new ByteArrayInputStream(bytes),
                new LogReader.Options(source, null, ZoneId.of("Asia/Tokyo"), NOW, 0), out::add);
        return new Read(r, out);
    }

    static Read read(String text, LogSource source) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), source);
    }

    static List<Detection> rules(List<LogEvent> events) {
        List<Detection> out = new ArrayList<>();
        DetectionEngine engine = new DetectionEngine(DetectionPolicy.defaults(), SigmaRules.shipped(), out::add);
        for (LogEvent e : events) engine.accept(e, "gw.log", GATEWAY);
        engine.finish();
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }

    // --- Ivanti / Pulse Connect Secure ----------------------------------------------------------

    static String pcs(String iso, String ip, String who, String msg) {
        String body = iso.substring(0, 10) + " " + iso.substring(11, 19);
        return "<134>1 " + iso + " ics-01 PulseSecure: - - - " + body + " - ics-01 - [" + ip + "] " + who + " - " + msg;
    }

    static final String PCS_LOGIN = pcs("2026-11-24T09:00:00+09:00", "198.51.100.7", "Default Network::MAMORI\\suzuki(職員)[Users][1a2b3c4d5e]",
            "Session created for user: [MAMORI\\suzuki/職員] from [198.51.100.7] with primary auth-server type: [LDAP Server], primary auth-server name: [AD], mac-address: [aa-bb-cc-dd-ee-ff].");

    @Test
    void pulseSessionEventsFromBothHeaderFormsAndTheirIds() throws IOException {
        String log = String.join("\n",
                PCS_LOGIN,
                pcs("2026-11-24T09:00:05+09:00", "198.51.100.7", "Default Network::MAMORI\\suzuki(職員)[Users][1a2b3c4d5e]",
                        "VPN Tunneling: Session started for user (session: sid00aa11bb22cc33dd44ee55ff66778899aabbccddeeff0011) with IPv4 address 10.8.0.15, hostname PC-SUZUKI"),
                // the old firmware: a BSD header before the RFC 5424 one, the session id only in the message
                "Nov 24 10:00:00 ics-01 1 2026-11-24T10:00:00+09:00 10.0.0.2 PulseSecure: - - - 2026-11-24 10:00:00 - ics-01 - [203.0.113.50] tanaka(職員)[Users] - "
                        + "Agent login succeeded for tanaka/職員 (session:sid9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928) from 203.0.113.50 with Pulse-Secure/22.7.1 (Windows 11) Pulse/22.7.1.",
                "Nov 24 10:20:00 ics-01 1 2026-11-24T10:20:00+09:00 10.0.0.2 PulseSecure: - - - 2026-11-24 10:20:00 - ics-01 - [192.0.2.66] tanaka(職員)[Users] - "
                        + "Session resumed from user agent 'python-requests/2.31.0' (session:sid9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928).",
                pcs("2026-11-24T10:30:00+09:00", "198.51.100.7", "MAMORI\\suzuki(職員)[Users]", "Login failed. Reason: Wrong Password"),
                pcs("2026-11-24T10:31:00+09:00", "198.51.100.7", "suzuki(職員)[]", "Primary authentication successful for suzuki/AD from 198.51.100.7"),
                pcs("2026-11-24T10:32:00+09:00", "127.0.0.1", "System()[]", "Integrity Checker Tool: Periodic Scan Started!"),
                pcs("2026-11-24T12:00:00+09:00", "198.51.100.7", "Default Network::MAMORI\\suzuki(職員)[Users][1a2b3c4d5e]",
                        "Session:[1a2b3c4d5e] for user:[MAMORI\\suzuki] with roles:[Users] deleted. Bandwidth consumed [1048576] bytes"),
                "Nov 24 12:10:00 ics-01 1 2026-11-24T12:10:00+09:00 10.0.0.2 PulseSecure: - - - 2026-11-24 12:10:00 - ics-01 - [203.0.113.50] tanaka()[] - "
                        + "Logout from 203.0.113.50 (session:sid9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928)",
                "<134>1 2026-11-24T12:11:00+09:00 ics-01 PulseSecure: this line is cut off here");
        Read r = read(log, null);
        assertThat(r.report().source()).as("detected from its lines").isEqualTo(LogSource.PULSE);
        assertThat(r.events()).extracting(LogEvent::kind).containsExactly(EventKind.LOGIN, EventKind.SESSION_ACTIVITY, EventKind.LOGIN,
                EventKind.SESSION_ACTIVITY, EventKind.LOGIN_FAILED, EventKind.LOGOUT, EventKind.LOGOUT);
        LogEvent login = r.events().get(0);
        assertThat(login.at()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(login.user()).isEqualTo("MAMORI\\suzuki");
        assertThat(login.sessionId()).as("the short id of newer firmware").isEqualTo("1a2b3c4d5e");
        assertThat(login.clientIp()).isEqualTo("198.51.100.7");
        assertThat(login.line()).isEqualTo(1);
        assertThat(login.text()).isEqualTo(PCS_LOGIN);
        assertThat(r.events().get(1).sessionId()).as("the short id wins over the tunnel's sid").isEqualTo("1a2b3c4d5e");
        LogEvent agent = r.events().get(2);
        assertThat(agent.sessionId()).isEqualTo("sid9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928");
        assertThat(agent.userAgent()).isEqualTo("Pulse-Secure/22.7.1 (Windows 11) Pulse/22.7.1");
        assertThat(agent.at()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        LogEvent resumed = r.events().get(3);
        assertThat(resumed.clientIp()).isEqualTo("192.0.2.66");
        assertThat(resumed.userAgent()).isEqualTo("python-requests/2.31.0");
        assertThat(resumed.line()).isEqualTo(4);
        assertThat(r.events().get(5).sessionId()).isEqualTo("1a2b3c4d5e");
        assertThat(r.events().get(6).sessionId()).isEqualTo("sid9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928");
        assertThat(r.report().rejected()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(10);
            assertThat(x.reason()).contains("not 'date - node - [address] user - message'");
        });

        // the resumed session from another address with another agent is the hijack the rules look for
        List<Detection> found = rules(r.events());
        assertThat(found).extracting(Detection::rule).contains("session-ip-drift", "session-agent-drift");
        Detection drift = found.stream().filter(d -> d.rule().equals("session-ip-drift")).findFirst().orElseThrow();
        assertThat(drift.user()).isEqualTo("tanaka");
        assertThat(drift.sourceIps()).containsExactly("203.0.113.50", "192.0.2.66");
        assertThat(drift.evidence()).extracting(e -> e.line()).containsExactly(3L, 4L);
    }

    @Test
    void pulseWithoutAHeaderTimeIsReadInTheSourceZone() throws IOException {
        String line = "Nov 24 09:00:00 ics-01 PulseSecure: - - - 2026-11-24 09:00:00 - ics-01 - [198.51.100.7] kato(職員)[Users] - "
                + "Login succeeded for kato/職員 (session:sid0123456789abcdef0123456789abcdef0123456789abcdef) from 198.51.100.7 with Mozilla/5.0 (Windows NT 10.0).";
        Read r = read(line + "\n", LogSource.PULSE);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.LOGIN);
            assertThat(e.at()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
            assertThat(e.userAgent()).isEqualTo("Mozilla/5.0 (Windows NT 10.0)");
        });
    }

    @Test
    void pulseLookAlikeWithoutHijackRaisesNothing() throws IOException {
        String log = String.join("\n",
                pcs("2026-11-24T09:00:00+09:00", "198.51.100.7", "kato(職員)[Users]",
                        "Agent login succeeded for kato/職員 (session:sid11112222333344445555666677778888999900001111aaaa) from 198.51.100.7 with Pulse-Secure/22.7.1 (Windows 11) Pulse/22.7.1."),
                pcs("2026-11-24T09:40:00+09:00", "198.51.100.7", "kato(職員)[Users]",
                        "Session resumed from user agent 'Pulse-Secure/22.7.1 (Windows 11) Pulse/22.7.1' (session:sid11112222333344445555666677778888999900001111aaaa)."));
        assertThat(rules(read(log, null).events())).isEmpty();
    }

    @Test
    void hostilePulseLinesAreCountedAndTheGoodOnesStillRead() throws IOException {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) 'A');
        byte[] sjis = pcs("2026-11-24T09:00:01+09:00", "198.51.100.7", "鈴木(職員)[Users][1a2b3c4d5e]", "VPN Tunneling: User with IP 10.8.0.15 connected")
                .concat("\n").getBytes(Charset.forName("Shift_JIS"));
        byte[] binary = {(byte) 0xFF, (byte) 0xFE, 0x01, 0x02, '\n'};
        byte[] nul = (pcs("2026-11-24T09:00:02+09:00", "198.51.100.7", "kato\0(職員)[Users]", "Logout") + "\n").getBytes(StandardCharsets.UTF_8);
        String good = PCS_LOGIN + "\n";
        Read r = read(concat(good.getBytes(StandardCharsets.UTF_8), huge, "\n".getBytes(), sjis, binary, nul, good.getBytes(StandardCharsets.UTF_8)), LogSource.PULSE);
        assertThat(r.events()).hasSize(2).allSatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.LOGIN));
        assertThat(r.report().lines()).isEqualTo(6);
        assertThat(r.report().rejected()).extracting(LogReader.Rejected::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(r.report().rejected().get(0).reason()).contains("longer than 65536 bytes");
        assertThat(r.report().rejected().get(1).reason()).contains("not UTF-8");
        assertThat(r.report().rejected().get(2).reason()).contains("not UTF-8");
        assertThat(r.report().rejected().get(3).reason()).contains("NUL");

        // a file with no Pulse line at all is refused as a whole, naming the format
        assertThatThrownBy(() -> read(concat(binary, "hello\n".getBytes()), LogSource.PULSE)).isInstanceOf(LogFileException.class)
                .hasMessageContaining("Pulse Connect Secure");
    }

    // --- FortiGate SSL-VPN ------------------------------------------------------------------

    static String forti(String date, String time, String logid, String rest) {
        return "<190>date=" + date + " time=" + time + " devname=\"fgt-honcho\" devid=\"FG100FTK00000001\" eventtime=1764000000000000000 tz=\"+0900\" logid=\""
                + logid + "\" type=\"event\" " + rest;
    }

    static final String FORTI_UP = forti("2026-11-24", "09:00:00", "0101039947",
            "subtype=\"vpn\" level=\"information\" vd=\"root\" logdesc=\"SSL VPN tunnel up\" action=\"tunnel-up\" tunneltype=\"ssl-tunnel\" tunnelid=1190 "
                    + "remip=198.51.100.7 tunnelip=10.212.134.200 user=\"yamada\" group=\"SSLVPN-職員\" dst_host=\"N/A\" reason=\"tunnel established\" msg=\"SSL tunnel established\"");

    @Test
    void fortigateSslVpnTunnelsAreSessionsAndConfigChangesAdminCommands() throws IOException {
        String log = String.join("\n",
                FORTI_UP,
                forti("2026-11-24", "09:05:00", "0101039949", "subtype=\"vpn\" level=\"information\" vd=\"root\" logdesc=\"SSL VPN statistics\" action=\"tunnel-stats\" "
                        + "tunneltype=\"ssl-tunnel\" tunnelid=1190 remip=203.0.113.99 tunnelip=10.212.134.200 user=\"yamada\" group=\"SSLVPN-職員\" sentbyte=4096 rcvdbyte=8192 msg=\"SSL tunnel statistics\""),
                forti("2026-11-24", "09:06:00", "0101039426", "subtype=\"vpn\" level=\"alert\" vd=\"root\" logdesc=\"SSL VPN login fail\" action=\"ssl-login-fail\" "
                        + "tunneltype=\"ssl-web\" tunnelid=0 remip=192.0.2.200 user=\"admin\" group=\"N/A\" reason=\"sslvpn_login_unknown_user\" msg=\"SSL user failed to logged in\""),
                forti("2026-11-24", "09:07:00", "0101039943", "subtype=\"vpn\" logdesc=\"SSL VPN new connection\" action=\"ssl-new-con\" tunneltype=\"ssl\" tunnelid=1191 remip=192.0.2.200 user=\"N/A\" group=\"N/A\""),
                // a relay's header in front, the offset as "UTC+9:00"
                "2026-11-24T14:00:01.5+00:00 10.0.0.1 date=2026-11-24 time=23:00:00 devname=\"fgt-honcho\" tz=\"UTC+9:00\" logid=\"0100044547\" type=\"event\" subtype=\"system\" "
                        + "logdesc=\"Object attribute configured\" user=\"admin\" ui=\"https(192.0.2.200)\" action=\"Add\" cfgpath=\"user.local\" cfgobj=\"svc-backup\" msg=\"Add user.local svc-backup\"",
                forti("2026-11-24", "12:00:00", "0101039948", "subtype=\"vpn\" logdesc=\"SSL VPN tunnel down\" action=\"tunnel-down\" tunneltype=\"ssl-tunnel\" tunnelid=1190 remip=198.51.100.7 "
                        + "tunnelip=10.212.134.200 user=\"yamada\" group=\"SSLVPN-職員\" msg=\"SSL tunnel shutdown\""),
                "<189>date=2026-11-24 time=12:01:00 devname=\"fgt-honcho\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=10.212.134.200 dstip=10.20.0.5 sentbyte=10 rcvdbyte=20",
                "<190>date= desc=\"no time and no id\"",
                "\uFEFF<190>eventtime=1764000123456789012 logid=\"0101039947\" type=\"event\" subtype=\"vpn\" action=\"tunnel-up\" tunneltype=\"ssl-tunnel\" tunnelid=7 remip=2001:db8::7 user=\"sato\"");
        Read r = read(log, null);
        assertThat(r.report().source()).isEqualTo(LogSource.FORTIGATE);
        assertThat(r.events()).extracting(LogEvent::kind).containsExactly(EventKind.LOGIN, EventKind.SESSION_ACTIVITY, EventKind.LOGIN_FAILED,
                EventKind.ADMIN_COMMAND, EventKind.LOGOUT, EventKind.LOGIN);
        LogEvent up = r.events().get(0);
        assertThat(up.at()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(up.user()).isEqualTo("yamada");
        assertThat(up.sessionId()).isEqualTo("1190");
        assertThat(up.clientIp()).isEqualTo("198.51.100.7");
        assertThat(up.target()).isEqualTo("10.212.134.200");
        assertThat(up.host()).isEqualTo("fgt-honcho");
        assertThat(up.text()).isEqualTo(FORTI_UP);
        assertThat(r.events().get(1).bytesOut()).as("rcvdbyte: what the client sent").isEqualTo(8192);
        assertThat(r.events().get(2).user()).isEqualTo("admin");
        LogEvent cfg = r.events().get(3);
        assertThat(cfg.at()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(cfg.detail()).isEqualTo("Add user.local svc-backup");
        assertThat(cfg.clientIp()).isEqualTo("192.0.2.200");
        LogEvent bom = r.events().get(5);
        assertThat(bom.at()).as("eventtime in nanoseconds").isEqualTo(Instant.ofEpochSecond(1764000123L, 456789012L));
        assertThat(bom.clientIp()).isEqualTo("2001:db8::7");
        assertThat(r.report().rejected()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(8);
            assertThat(x.reason()).contains("not a FortiGate key=value line");
        });

        List<Detection> found = rules(r.events());
        assertThat(found).extracting(Detection::rule).contains("session-ip-drift", "admin-command-after-hours");
        Detection drift = found.stream().filter(d -> d.rule().equals("session-ip-drift")).findFirst().orElseThrow();
        assertThat(drift.sessionId()).isEqualTo("1190");
        assertThat(drift.sourceIps()).containsExactly("198.51.100.7", "203.0.113.99");
        assertThat(drift.evidence()).extracting(e -> e.line()).containsExactly(1L, 2L);
    }

    @Test
    void fortigateLookAlikesRaiseNothing() throws IOException {
        String log = String.join("\n",
                FORTI_UP,
                forti("2026-11-24", "09:05:00", "0101039949", "subtype=\"vpn\" logdesc=\"SSL VPN statistics\" action=\"tunnel-stats\" tunneltype=\"ssl-tunnel\" "
                        + "tunnelid=1190 remip=198.51.100.7 user=\"yamada\" sentbyte=1 rcvdbyte=2"),
                // a configuration change in working hours, and one that is not about users or policies
                forti("2026-11-24", "10:00:00", "0100044547", "subtype=\"system\" logdesc=\"Object attribute configured\" user=\"admin\" ui=\"https(192.0.2.200)\" "
                        + "action=\"Add\" cfgpath=\"user.local\" cfgobj=\"new-staff\" msg=\"Add user.local new-staff\""),
                forti("2026-11-24", "23:00:00", "0100044547", "subtype=\"system\" logdesc=\"Object attribute configured\" user=\"admin\" ui=\"https(192.0.2.200)\" "
                        + "action=\"Edit\" cfgpath=\"system.ntp\" cfgobj=\"\" msg=\"Edit system.ntp\""),
                // IPsec is not SSL-VPN: its tunnel-stats from another address are no session of ours
                forti("2026-11-24", "09:10:00", "0101037141", "subtype=\"vpn\" logdesc=\"IPsec tunnel statistics\" action=\"tunnel-stats\" remip=203.0.113.99 "
                        + "user=\"203.0.113.99\" vpntunnel=\"branch\" sentbyte=1 rcvdbyte=2"));
        Read r = read(log, LogSource.FORTIGATE);
        assertThat(r.events()).hasSize(4);
        assertThat(rules(r.events())).isEmpty();
    }

    @Test
    void hostileFortigateLinesAreCountedAndTheGoodOnesStillRead() throws IOException {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        byte[] broken = {'l', 'o', 'g', 'i', 'd', '=', (byte) 0xC3, (byte) 0x28, '\n'};
        String unterminated = "<190>date=2026-11-24 time=09:00:00 logid=\"0101039947\" type=\"event\" subtype=\"vpn\" action=\"tunnel-up\" tunneltype=\"ssl-tunnel\" tunnelid=5 user=\"yam\n";
        String badTime = "<190>date=2026-13-45 time=99:00:00 logid=\"0101039947\" type=\"event\" subtype=\"vpn\"\n";
        byte[] good = (FORTI_UP + "\n").getBytes(StandardCharsets.UTF_8);
        Read r = read(concat(good, huge, "\n".getBytes(), broken, unterminated.getBytes(StandardCharsets.UTF_8), badTime.getBytes(StandardCharsets.UTF_8), good),
                LogSource.FORTIGATE);
        assertThat(r.events()).extracting(LogEvent::line).containsExactly(1L, 4L, 6L);
        assertThat(r.events().get(1).user()).as("an unterminated quote ends with the line").isEqualTo("yam");
        assertThat(r.report().rejected()).extracting(LogReader.Rejected::line).containsExactly(2L, 3L, 5L);
        assertThat(r.report().rejected().get(0).reason()).contains("longer than 65536 bytes");
        assertThat(r.report().rejected().get(1).reason()).contains("not UTF-8");
        assertThat(r.report().rejected().get(2).reason()).contains("invalid time");
        assertThatThrownBy(() -> read(concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n'}, "a b c\n".getBytes()), LogSource.FORTIGATE))
                .isInstanceOf(LogFileException.class).hasMessageContaining("FortiGate");
    }

    // --- Palo Alto GlobalProtect --------------------------------------------------------------

    /** A GLOBALPROTECT record as PAN-OS 10 sends it (generated time in the firewall's zone). */
    static String gp(String time, String event, String stage, String user, String publicIp, String privateIp, String hostId, String status) {
        return "<14>Nov 24 09:00:00 pa-honcho 1," + time + ",024101000001,GLOBALPROTECT,0,2817," + time + ",vsys1," + event + "," + stage + ",SAML,SSL," + user
                + ",JP,PC-0123," + publicIp + ",0.0.0.0," + privateIp + ",0.0.0.0," + hostId + ",SERIAL01,6.2.4,Microsoft Windows,\"Microsoft Windows 11 Pro , 64-bit\",1,,,\"\","
                + status + ",,0,,0,GP-Gateway,7300000000000000001,0x0,2026-11-24T09:00:00.000+09:00,,0,manual only,,";
    }

    static final String HOST = "3c1e2b7a-5d4f-4e6a-9b8c-0123456789ab";
    static final String GP_LOGIN = gp("2026/11/24 09:00:00", "gateway-auth", "login", "MAMORI\\ito", "198.51.100.7", "0.0.0.0", HOST, "success");

    @Test
    void globalProtectSessionsAreTheUserOnOneAgent() throws IOException {
        String log = String.join("\n",
                gp("2026/11/24 08:59:58", "portal-prelogin", "before-login", "", "198.51.100.7", "0.0.0.0", HOST, "success"),
                GP_LOGIN,
                gp("2026/11/24 09:00:03", "gateway-setup-ssl", "tunnel", "MAMORI\\ito", "198.51.100.7", "10.30.0.44", HOST, "success"),
                gp("2026/11/24 09:40:00", "gateway-hip-check", "host-info", "MAMORI\\ito", "203.0.113.77", "10.30.0.44", HOST, "success"),
                gp("2026/11/24 09:41:00", "gateway-auth", "login", "suzuki@city.mamori.lg.jp", "192.0.2.9", "0.0.0.0", "", "failure"),
                gp("2026/11/24 09:42:00", "gateway-getconfig", "configuration", "pre-logon", "192.0.2.9", "0.0.0.0", HOST, "success"),
                "<14>Nov 24 09:43:00 pa-honcho 1,2026/11/24 09:43:00,024101000001,TRAFFIC,end,2817,2026/11/24 09:43:00,10.30.0.44,10.20.0.5,0.0.0.0",
                gp("2026/11/24 12:00:00", "gateway-logout", "logout", "MAMORI\\ito", "198.51.100.7", "10.30.0.44", HOST, "success"),
                "<14>Nov 24 12:00:01 pa-honcho 1,2026/11/24 12:00:01,024101000001,GLOBALPROTECT,0,2817,2026/11/24 12:00:01,vsys1,gateway-auth",
                "2026-11-24T03:00:02.000000Z,no-serial,GLOBALPROTECT,globalprotect,10.2,2026-11-24T03:00:02.000000Z,vsys1,gateway-connected,connected,,SSL,kato,,PC-KATO,"
                        + "2001:db8::44,,10.30.0.45,,9f00aa11-2222-3333-4444-555566667777,SERIAL02,6.2.4,,,1,,,,success,,0,,0,GP-Gateway,1,true");
        Read r = read(log, null);
        assertThat(r.report().source()).isEqualTo(LogSource.GLOBALPROTECT);
        assertThat(r.events()).extracting(LogEvent::kind).containsExactly(EventKind.LOGIN, EventKind.SESSION_ACTIVITY, EventKind.SESSION_ACTIVITY,
                EventKind.LOGIN_FAILED, EventKind.LOGOUT);
        LogEvent login = r.events().get(0);
        assertThat(login.at()).as("the firewall's time, in Asia/Tokyo").isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(login.user()).isEqualTo("MAMORI\\ito");
        assertThat(login.sessionId()).isEqualTo("ito@" + HOST);
        assertThat(login.clientIp()).isEqualTo("198.51.100.7");
        assertThat(login.userAgent()).isEqualTo("GlobalProtect/6.2.4");
        assertThat(login.line()).isEqualTo(2);
        assertThat(login.text()).isEqualTo(GP_LOGIN);
        assertThat(r.events().get(1).target()).isEqualTo("10.30.0.44");
        assertThat(r.events().get(3).sessionId()).as("no host id: the machine name").isEqualTo("suzuki@PC-0123");
        assertThat(r.events().get(4).sessionId()).isEqualTo("ito@" + HOST);
        assertThat(r.report().rejected()).extracting(LogReader.Rejected::line).containsExactly(9L, 10L);
        assertThat(r.report().rejected().get(0).reason()).contains("too few columns");
        assertThat(r.report().rejected().get(1).reason()).contains("lacks its first columns");

        List<Detection> found = rules(r.events());
        assertThat(found).extracting(Detection::rule).containsExactly("session-ip-drift");
        assertThat(found.get(0).sourceIps()).containsExactly("198.51.100.7", "203.0.113.77");
        assertThat(found.get(0).evidence()).extracting(e -> e.line()).containsExactly(2L, 4L);
    }

    @Test
    void globalProtectIsoTimesIpv6AndALookAlike() throws IOException {
        String log = String.join("\n",
                "Nov 24 12:00:00 931201168,2026-11-24T03:00:10.000000Z,no-serial,GLOBALPROTECT,globalprotect,10.2,2026-11-24T03:00:02.000000Z,vsys1,gateway-connected,connected,,SSL,kato,,PC-KATO,"
                        + ",2001:db8::44,,fd00::45,9f00aa11-2222-3333-4444-555566667777,SERIAL02,6.2.4,,,1,,,,success,,0,,0,GP-Gateway,1,true",
                "Nov 24 12:30:00 931201168,2026-11-24T03:30:10.000000Z,no-serial,GLOBALPROTECT,globalprotect,10.2,2026-11-24T03:30:00.000000Z,vsys1,gateway-tunnel-latency,tunnel,,SSL,kato,,PC-KATO,"
                        + ",2001:db8::44,,fd00::45,9f00aa11-2222-3333-4444-555566667777,SERIAL02,6.2.4,,,1,,,\"Pre-tunnel latency: 9ms, Post-tunnel latency: 12ms\",success,,0,,0,GP-Gateway,2,true");
        Read r = read(log, LogSource.GLOBALPROTECT);
        assertThat(r.events()).extracting(LogEvent::kind).containsExactly(EventKind.LOGIN, EventKind.SESSION_ACTIVITY);
        assertThat(r.events().get(0).at()).isEqualTo(Instant.parse("2026-11-24T03:00:02Z"));
        assertThat(r.events().get(0).clientIp()).isEqualTo("2001:db8::44");
        assertThat(r.events().get(0).target()).isEqualTo("fd00::45");
        assertThat(rules(r.events())).as("the same agent from the same address").isEmpty();
    }

    @Test
    void hostileGlobalProtectLinesAreCountedAndTheGoodOnesStillRead() throws IOException {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) ',');
        byte[] latin1 = gp("2026/11/24 09:00:01", "gateway-hip-check", "host-info", "m\u00fcller", "198.51.100.7", "0.0.0.0", HOST, "success")
                .concat("\n").getBytes(StandardCharsets.ISO_8859_1);
        String badTime = gp("2026/13/40 25:00:00", "gateway-auth", "login", "ito", "198.51.100.7", "0.0.0.0", HOST, "success") + "\n";
        String unbalanced = gp("2026/11/24 09:00:02", "gateway-auth", "login", "ito", "198.51.100.7", "0.0.0.0", HOST, "success").replace(",SAML,", ",\"SAML,") + "\n";
        byte[] good = (GP_LOGIN + "\n").getBytes(StandardCharsets.UTF_8);
        Read r = read(concat(good, huge, "\n".getBytes(), latin1, badTime.getBytes(StandardCharsets.UTF_8), unbalanced.getBytes(StandardCharsets.UTF_8), good),
                LogSource.GLOBALPROTECT);
        assertThat(r.events()).extracting(LogEvent::line).containsExactly(1L, 6L);
        assertThat(r.report().rejected()).extracting(LogReader.Rejected::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(r.report().rejected().get(0).reason()).contains("longer than 65536 bytes");
        assertThat(r.report().rejected().get(1).reason()).contains("not UTF-8");
        assertThat(r.report().rejected().get(2).reason()).contains("invalid time");
        assertThat(r.report().rejected().get(3).reason()).as("an unclosed quote swallows the rest of the record").contains("too few columns");
        assertThatThrownBy(() -> read("PK\u0003\u0004 not a log\n", LogSource.GLOBALPROTECT)).isInstanceOf(LogFileException.class)
                .hasMessageContaining("GlobalProtect");
    }
}
