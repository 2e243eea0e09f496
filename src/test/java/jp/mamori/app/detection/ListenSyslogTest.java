package jp.mamori.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.detection.listen.SyslogReceiver;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.store.DetectionStore;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code logs listen} on 127.0.0.1 over UDP and TCP: a hijack sent as syslog becomes an incident; floods and bad messages are counted, never stored. */
class ListenSyslogTest {

    @TempDir Path dir;

    static String ns(String time, String event, String msg) {
        return "<134> " + time + " GMT ns01 0-PPE-0 : default " + event + " 1 0 : " + msg;
    }

    static String login(String user, String sid, String ip) {
        return ns("11/24/2026:00:00:00", "SSLVPN LOGIN", "Context " + user + "@" + ip + " - SessionId: " + sid + " - User " + user + " - Client_ip " + ip
                + " - Nat_ip \"Mapped Ip\" - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"");
    }

    static String tcp(String time, String user, String sid, String ip) {
        return ns(time, "SSLVPN TCPCONNSTAT", "Context " + user + "@" + ip + " - SessionId: " + sid + " - User " + user + " - Client_ip " + ip
                + " - Nat_ip 192.0.2.20 - Source " + ip + ":4000 - Destination 10.20.0.5:2598 - Total_bytes_send 1 - Total_bytes_recv 2");
    }

    static List<String> hijack(String user, String sid) {
        return List.of(login(user, sid, "198.51.100.7"), tcp("11/24/2026:00:10:00", user, sid, "198.51.100.7"),
                tcp("11/24/2026:04:05:00", user, sid, "203.0.113.9"), tcp("11/24/2026:04:06:00", user, sid, "203.0.113.9"));
    }

    static void await(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) Thread.sleep(50);
        assertThat(done.getAsBoolean()).as("in time").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHijackSentAsSyslogOverUdpAndTcpOpensAnIncidentPerUser(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long org = ImportLogsTest.org(m, "999101", "守里市");

            ListenSyslog udp = new ListenSyslog(m, "999101", "vpn-gw-01", LogSource.NETSCALER, null, SyslogReceiver.Options.of(null, 0, false));
            int udpPort = udp.port();
            try (DatagramSocket s = new DatagramSocket()) {
                for (String line : hijack("alice", "5001")) {
                    byte[] b = line.getBytes(StandardCharsets.UTF_8);
                    s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), udp.port()));
                }
                byte[] bad = {'<', '1', '>', (byte) 0xff, (byte) 0xfe, 'x'};
                s.send(new DatagramPacket(bad, bad.length, InetAddress.getLoopbackAddress(), udp.port()));
                byte[] junk = "not a gateway line".getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), udp.port()));
            }
            await(() -> udp.stats().parsed() + udp.stats().rejected() == 5 && udp.stats().network().invalid() == 1);
            udp.close();
            assertThat(udp.stats().rejected()).isEqualTo(1);

            ListenSyslog tcpListen = new ListenSyslog(m, "999101", "vpn-gw-01", LogSource.NETSCALER, null, SyslogReceiver.Options.of("127.0.0.1", 0, true));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcpListen.port()); OutputStream out = s.getOutputStream()) {
                List<String> lines = hijack("MAMORI\\Bob", "6001");
                for (int i = 0; i < lines.size(); i++) {
                    byte[] b = lines.get(i).getBytes(StandardCharsets.UTF_8);
                    // RFC 6587: octet counting for some frames, newline framing for the others
                    if (i % 2 == 0) out.write((b.length + " ").getBytes(StandardCharsets.US_ASCII));
                    out.write(b);
                    if (i % 2 == 1) out.write('\n');
                }
                out.flush();
                await(() -> tcpListen.stats().parsed() == 4);
            }
            tcpListen.close();

            List<DetectionStore.IncidentRow> incidents = m.detections().incidents(org);
            assertThat(incidents).extracting(DetectionStore.IncidentRow::userKey).containsExactlyInAnyOrder("alice", "bob");
            for (DetectionStore.IncidentRow r : incidents) {
                assertThat(r.assets()).containsExactly("vpn-gw-01");
                assertThat(r.sourceIps()).contains("198.51.100.7", "203.0.113.9");
            }
            var alice = m.detections().detections(org, null, 100).stream().filter(d -> "alice".equals(d.user())).findFirst().orElseThrow();
            assertThat(alice.rule()).isEqualTo("session-ip-drift");
            assertThat(alice.evidence()).extracting(e -> e.file() + ":" + e.line())
                    .containsExactly("syslog-udp:" + udpPort + ":1", "syslog-udp:" + udpPort + ":3");
            assertThat(m.audit().list(org, false, null, 50)).anyMatch(e -> e.action().equals("logs.streamed"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "H2")
    void aFloodIsCutAtTheRateAndOverlongMessagesAreCountedNotStored(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long org = ImportLogsTest.org(m, "999102", "守里市");
            SyslogReceiver.Options base = SyslogReceiver.Options.of(null, 0, false);
            ListenSyslog l = new ListenSyslog(m, "999102", "vpn-gw-01", LogSource.NETSCALER, null,
                    new SyslogReceiver.Options(base.bind(), 0, false, 4096, 50, 100, 4));
            try (DatagramSocket s = new DatagramSocket()) {
                byte[] huge = ("<134> " + "A".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(huge, huge.length, InetAddress.getLoopbackAddress(), l.port()));
                byte[] b = tcp("11/24/2026:00:10:00", "carol", "7001", "198.51.100.8").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 2000; i++) s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), l.port()));
            }
            await(() -> l.stats().network().tooLong() == 1 && l.stats().network().droppedRate() + l.stats().network().droppedFull() > 0);
            l.close();
            SyslogReceiver.Stats st = l.stats().network();
            assertThat(st.received()).isLessThanOrEqualTo(200); // at most 100 a second, over at most two windows
            assertThat(st.received() + st.droppedRate() + st.droppedFull()).isLessThanOrEqualTo(2000);
            assertThat(m.detections().incidents(org)).isEmpty();
        }
    }
}
