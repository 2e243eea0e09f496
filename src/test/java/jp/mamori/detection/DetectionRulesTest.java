package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.rules.AllowKind;
import jp.mamori.detection.rules.Category;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.Severity;
import jp.mamori.detection.rules.SigmaRules;
import org.junit.jupiter.api.Test;

/** Each rule with a positive case and a look-alike that must not fire. */
class DetectionRulesTest {

    static final DetectionEngine.Device GATEWAY = new DetectionEngine.Device("vpn-gw-01", true, List.of());
    static final DetectionEngine.Device UNPATCHED = new DetectionEngine.Device("vpn-gw-01", true, List.of("CVE-2023-3519", "CVE-2023-4966"));

    static String ns(String time, String event, String msg) {
        return "<134> " + time + " GMT ns01 0-PPE-0 : default " + event + " 1 0 : " + msg;
    }

    static String login(String time, String user, String sid, String ip) {
        return ns(time, "SSLVPN LOGIN", "Context " + user + "@" + ip + " - SessionId: " + sid + " - User " + user + " - Client_ip " + ip
                + " - Nat_ip \"Mapped Ip\" - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"");
    }

    static String tcp(String time, String user, String sid, String ip) {
        return ns(time, "SSLVPN TCPCONNSTAT", "Context " + user + "@" + ip + " - SessionId: " + sid + " - User " + user + " - Client_ip " + ip
                + " - Nat_ip 192.0.2.20 - Source " + ip + ":4000 - Destination 10.20.0.5:2598 - Total_bytes_send 1 - Total_bytes_recv 2");
    }

    static String ica(String time, String user, String ip, String desktop) {
        return ns(time, "SSLVPN ICASTART", "[TCP] [CGP] Source " + ip + ":5000 - Destination " + desktop + ":2598 - customername  - username:domainname " + user + ":MAMORI - applicationName D");
    }

    static List<Detection> run(DetectionPolicy policy, DetectionEngine.Device device, LogSource source, String format, String... lines) throws Exception {
        List<Detection> out = new ArrayList<>();
        DetectionEngine engine = new DetectionEngine(policy, SigmaRules.shipped(), out::add);
        runInto(engine, device, source, format, "test.log", lines);
        engine.finish();
        return out;
    }

    static void runInto(DetectionEngine engine, DetectionEngine.Device device, LogSource source, String format, String file, String... lines) throws Exception {
        new LogReader().read(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                new LogReader.Options(source, format, ZoneId.of("Asia/Tokyo"), Instant.parse("2026-12-01T00:00:00Z"), 0), e -> engine.accept(e, file, device));
    }

    static List<String> rules(List<Detection> ds) {
        return ds.stream().map(Detection::rule).toList();
    }

    @Test
    void aSessionUsedFromAnotherAddressIsAHijackWithBothLinesAsEvidence() throws Exception {
        List<Detection> d = run(DetectionPolicy.defaults(), GATEWAY, null, null,
                login("11/24/2026:00:00:00", "alice", "5001", "198.51.100.7"),
                tcp("11/24/2026:00:10:00", "alice", "5001", "198.51.100.7"),
                tcp("11/24/2026:04:05:00", "alice", "5001", "203.0.113.9"),
                tcp("11/24/2026:04:06:00", "alice", "5001", "203.0.113.9"));
        assertThat(rules(d)).containsExactly("session-ip-drift");
        Detection x = d.get(0);
        assertThat(x.category()).isEqualTo(Category.SESSION_HIJACK);
        assertThat(x.severity()).isEqualTo(Severity.HIGH);
        assertThat(x.user()).isEqualTo("alice");
        assertThat(x.sourceIps()).containsExactly("198.51.100.7", "203.0.113.9");
        assertThat(x.evidence()).extracting(e -> e.file() + ":" + e.line()).containsExactly("test.log:1", "test.log:3");
        assertThat(x.summaryJa()).contains("203.0.113.9").contains("乗っ取り");
        assertThat(x.summaryEn()).contains("Citrix Bleed");
    }

    @Test
    void anAddressChangeInsideOneCgnatRangeOrBehindATrustedProxyIsNoChange() throws Exception {
        DetectionPolicy p = new DetectionPolicy(List.of(new AllowEntry(AllowKind.CGNAT, "100.64.0.0/10", "mobile")), DetectionPolicy.Thresholds.defaults(), null);
        assertThat(run(p, GATEWAY, null, null,
                login("11/24/2026:00:00:00", "alice", "5001", "100.64.1.1"),
                tcp("11/24/2026:01:00:00", "alice", "5001", "100.100.7.7"))).isEmpty();
        DetectionPolicy proxy = new DetectionPolicy(List.of(new AllowEntry(AllowKind.TRUSTED_PROXY, "192.0.2.250", null)), DetectionPolicy.Thresholds.defaults(), null);
        String viaProxy = ns("11/24/2026:00:00:00", "SSLVPN LOGIN", "Context bob@192.0.2.250 - SessionId: 7 - User bob - Client_ip 192.0.2.250 - X-Forwarded-For_ip 198.51.100.20 - Browser_type \"M\"");
        String viaProxy2 = ns("11/24/2026:00:30:00", "SSLVPN TCPCONNSTAT", "Context bob@192.0.2.250 - SessionId: 7 - User bob - Client_ip 192.0.2.250 - X-Forwarded-For_ip 198.51.100.20 - Source 192.0.2.250:1");
        String fromElsewhere = ns("11/24/2026:00:40:00", "SSLVPN TCPCONNSTAT", "Context bob@192.0.2.250 - SessionId: 7 - User bob - Client_ip 192.0.2.250 - X-Forwarded-For_ip 203.0.113.66 - Source 192.0.2.250:1");
        assertThat(run(proxy, GATEWAY, null, null, viaProxy, viaProxy2)).isEmpty();
        assertThat(rules(run(proxy, GATEWAY, null, null, viaProxy, viaProxy2, fromElsewhere))).containsExactly("session-ip-drift");
        assertThat(run(proxy, GATEWAY, null, null, viaProxy, viaProxy2, fromElsewhere).get(0).sourceIps()).containsExactly("198.51.100.20", "203.0.113.66");
    }

    @Test
    void aDesktopLaunchedFromTheNewAddressIsCritical() throws Exception {
        List<Detection> d = run(DetectionPolicy.defaults(), GATEWAY, null, null,
                login("11/24/2026:00:00:00", "alice", "5001", "198.51.100.7"),
                ica("11/24/2026:00:01:00", "alice", "198.51.100.7", "10.20.0.5"),
                tcp("11/24/2026:04:05:00", "alice", "5001", "203.0.113.9"),
                ica("11/24/2026:04:06:00", "alice", "203.0.113.9", "10.20.0.5"));
        assertThat(rules(d)).containsExactly("session-ip-drift", "vdi-launch-from-new-address");
        assertThat(d.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(d.get(1).destination()).isEqualTo("10.20.0.5");
        assertThat(d.get(1).sessionId()).isEqualTo("5001");
    }

    @Test
    void theVulnerabilityLinkRaisesSessionRulesOnAnUnpatchedDeviceOnly() throws Exception {
        String[] log = {login("11/24/2026:00:00:00", "alice", "5001", "198.51.100.7"), tcp("11/24/2026:04:05:00", "alice", "5001", "203.0.113.9")};
        Detection patched = run(DetectionPolicy.defaults(), GATEWAY, null, null, log).get(0);
        Detection unpatched = run(DetectionPolicy.defaults(), UNPATCHED, null, null, log).get(0);
        assertThat(patched.severity()).isEqualTo(Severity.HIGH);
        assertThat(patched.vulnId()).isNull();
        assertThat(unpatched.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(unpatched.vulnId()).as("the token-leak bug is preferred").isEqualTo("CVE-2023-4966");
        assertThat(unpatched.summaryJa()).contains("CVE-2023-4966");
    }

    @Test
    void oneUserFromTwoAddressesAtOnceUnlessBothAreTheOrganisationsEgress() throws Exception {
        String[] log = {login("11/24/2026:00:00:00", "alice", "1", "198.51.100.7"), login("11/24/2026:00:05:00", "ALICE@city.example.lg.jp", "2", "198.51.100.99")};
        List<Detection> d = run(DetectionPolicy.defaults(), GATEWAY, null, null, log);
        assertThat(rules(d)).containsExactly("user-concurrent-addresses");
        assertThat(d.get(0).severity()).isEqualTo(Severity.MEDIUM);
        DetectionPolicy egress = new DetectionPolicy(List.of(new AllowEntry(AllowKind.EGRESS, "198.51.100.0/24", "庁舎")), DetectionPolicy.Thresholds.defaults(), null);
        assertThat(run(egress, GATEWAY, null, null, log)).isEmpty();
        // outside the window: a later login from elsewhere is no concurrency
        assertThat(run(DetectionPolicy.defaults(), GATEWAY, null, null,
                login("11/24/2026:00:00:00", "alice", "1", "198.51.100.7"), login("11/24/2026:03:00:00", "alice", "2", "198.51.100.99"))).isEmpty();
    }

    @Test
    void activityWithoutALoginLongAfterTheLogBeganIsSuspectButNotAtItsStart() throws Exception {
        assertThat(run(DetectionPolicy.defaults(), GATEWAY, null, null,
                tcp("11/24/2026:00:00:00", "bob", "9", "198.51.100.8"),
                tcp("11/24/2026:00:10:00", "bob", "9", "198.51.100.8"))).as("a session from before the log began").isEmpty();
        List<Detection> d = run(DetectionPolicy.defaults(), GATEWAY, null, null,
                login("11/24/2026:00:00:00", "alice", "1", "198.51.100.7"),
                tcp("11/24/2026:05:00:00", "bob", "9", "203.0.113.50"));
        assertThat(rules(d)).containsExactly("session-without-login");
    }

    @Test
    void administrativeChangesAfterHoursButNotDuringTheDayOrForReadOnlyCommands() throws Exception {
        String night = ns("11/24/2026:14:00:00", "UI CMD_EXECUTED", " User nsroot - Remote_ip 192.0.2.50 - Command \"add system user backdoor pw\" - Status \"Success\"");
        String day = ns("11/24/2026:02:00:00", "UI CMD_EXECUTED", " User nsroot - Remote_ip 192.0.2.50 - Command \"add system user newadmin pw\" - Status \"Success\"");
        String show = ns("11/24/2026:14:00:00", "UI CMD_EXECUTED", " User nsroot - Remote_ip 192.0.2.50 - Command \"show ns ip\" - Status \"Success\"");
        List<Detection> d = run(DetectionPolicy.defaults(), GATEWAY, null, null, night, day, show);
        assertThat(rules(d)).containsExactly("admin-command-after-hours");
        assertThat(d.get(0).summaryJa()).contains("23:00").contains("backdoor");
    }

    @Test
    void exploitSignaturesOfTheGatewaysOwnVulnerabilities() throws Exception {
        String fmt = "%h %l %u %t \"%r\" %>s %b \"%{Host}i\"";
        String bleed = "192.0.2.99 - - [24/Nov/2026:03:00:00 +0900] \"GET /oauth/idp/.well-known/openid-configuration HTTP/1.1\" 200 5120 \"" + "a".repeat(24812) + "\"";
        String normal = "192.0.2.98 - - [24/Nov/2026:03:00:00 +0900] \"GET /oauth/idp/.well-known/openid-configuration HTTP/1.1\" 200 512 \"gw.city.example.lg.jp\"";
        String bleed2 = "192.0.2.97 - - [24/Nov/2026:03:00:01 +0900] \"POST /p/u/doAuthentication.do HTTP/1.1\" 200 512 \"gw\"";
        String login = "192.0.2.96 - - [24/Nov/2026:03:00:02 +0900] \"POST /p/u/doAuthentication.do?login=alice HTTP/1.1\" 200 512 \"gw\"";
        List<Detection> d = run(DetectionPolicy.defaults(), UNPATCHED, LogSource.ACCESS, fmt, bleed, bleed, normal, bleed2, login);
        assertThat(d).extracting(Detection::vulnId).containsExactlyInAnyOrder("CVE-2023-4966", "CVE-2025-5777");
        Detection cb = d.stream().filter(x -> "CVE-2023-4966".equals(x.vulnId())).findFirst().orElseThrow();
        assertThat(cb.category()).isEqualTo(Category.EXPLOIT_ATTEMPT);
        assertThat(cb.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(cb.evidence()).hasSize(2);
        assertThat(cb.summaryJa()).contains("2 回");
    }

    @Test
    void controlCharactersInTheUserFieldAreAnExploitSign() throws Exception {
        List<Detection> d = run(DetectionPolicy.defaults(), GATEWAY, null, null,
                ns("11/24/2026:00:00:00", "AAA LOGIN_FAILED", "User \u0001\u0002\u0003AAAA - Client_ip 203.0.113.5 - Failure_reason \"x\""),
                ns("11/24/2026:00:00:01", "AAA LOGIN_FAILED", "User alice - Client_ip 203.0.113.5 - Failure_reason \"x\""));
        assertThat(rules(d)).containsExactly("nonprintable-user-field");
    }

    static final String SQUID_FMT = "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %>st %rm %ru %[un %Sh/%<a %mt";

    static String[] uploads(String client, String url, int n, long bytes) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = (1795996800 + i * 30) + ".000    100 " + client + " TCP_MISS/200 900 " + bytes + " POST " + url + " - HIER_DIRECT/192.0.2.7 text/html";
        return out;
    }

    @Test
    void uploadsToOnlineStorageByVolumePerHourRaisedForConfidentialDesktops() throws Exception {
        DetectionPolicy p = DetectionPolicy.defaults();
        List<Detection> out = new ArrayList<>();
        DetectionEngine engine = new DetectionEngine(p, SigmaRules.shipped(), out::add);
        engine.knownDesktop(new DetectionEngine.Desktop("10.20.0.5", "alice", "vdi-alice", true, "import"));
        runInto(engine, DetectionEngine.Device.NONE, LogSource.SQUID, SQUID_FMT, "proxy.log", uploads("10.20.0.5", "https://upload.gigafile.nu/u", 12, 10_000_000));
        runInto(engine, DetectionEngine.Device.NONE, LogSource.SQUID, SQUID_FMT, "proxy.log", uploads("10.20.0.6", "https://www.example.com/form", 12, 10_000_000));
        engine.finish();
        assertThat(rules(out)).containsExactly("storage-first-seen", "storage-upload-volume");
        Detection vol = out.get(1);
        assertThat(vol.user()).isEqualTo("alice");
        assertThat(vol.destination()).isEqualTo("gigafile.nu");
        assertThat(vol.bytesOut()).isEqualTo(120_000_000);
        assertThat(vol.severity()).as("3A/3B desktop").isEqualTo(Severity.CRITICAL);
        assertThat(vol.evidence()).hasSize(12);
        assertThat(vol.summaryJa()).contains("114 MB").contains("vdi-alice");
    }

    @Test
    void sanctionedServicesAndSmallUploadsAreNotExfiltration() throws Exception {
        DetectionPolicy p = new DetectionPolicy(List.of(new AllowEntry(AllowKind.SANCTIONED_DOMAIN, "city.sharepoint.com", null),
                new AllowEntry(AllowKind.STORAGE_DOMAIN, "files.example.net", null)), DetectionPolicy.Thresholds.defaults(), null);
        assertThat(run(p, DetectionEngine.Device.NONE, LogSource.SQUID, SQUID_FMT, uploads("10.0.0.1", "https://city.sharepoint.com/x", 20, 20_000_000))).isEmpty();
        assertThat(rules(run(p, DetectionEngine.Device.NONE, LogSource.SQUID, SQUID_FMT, uploads("10.0.0.1", "https://a.files.example.net/x", 3, 1000))))
                .containsExactly("storage-first-seen");
        assertThat(rules(run(p, DetectionEngine.Device.NONE, LogSource.SQUID, SQUID_FMT, uploads("10.0.0.1", "https://a.files.example.net/x", 20, 20_000_000))))
                .containsExactly("storage-first-seen", "storage-upload-volume");
    }

    @Test
    void withoutRecordedVolumeManyUploadsCountByRequests() throws Exception {
        String[] lines = new String[40];
        for (int i = 0; i < 40; i++) lines[i] = (1795996800 + i * 30) + ".000    100 10.0.0.9 TCP_MISS/200 900 POST https://mega.nz/u - HIER_DIRECT/192.0.2.7 text/html";
        List<Detection> d = run(DetectionPolicy.defaults(), DetectionEngine.Device.NONE, LogSource.SQUID, null, lines);
        assertThat(rules(d)).containsExactly("storage-first-seen", "storage-upload-requests");
        assertThat(d.get(1).summaryJa()).contains("送信量は記録されていません");
    }

    @Test
    void rcloneAndWebdavUploadsMatchTheShippedSigmaRule() throws Exception {
        String fmt = SQUID_FMT + " \"%{User-Agent}>h\"";
        String rclone = "1795996800.000    100 10.0.0.9 TCP_MISS/200 900 5000 POST https://s3.example.org/b - HIER_DIRECT/192.0.2.7 text/html \"rclone/v1.66.0\"";
        String browser = "1795996800.000    100 10.0.0.9 TCP_MISS/200 900 5000 POST https://s3.example.org/b - HIER_DIRECT/192.0.2.7 text/html \"Mozilla/5.0\"";
        assertThat(rules(run(DetectionPolicy.defaults(), DetectionEngine.Device.NONE, LogSource.SQUID, fmt, rclone))).containsExactly("sigma:2c6e8f4a-1b3d-4e5f-9a7b-0c1d2e3f4a5b");
        assertThat(run(DetectionPolicy.defaults(), DetectionEngine.Device.NONE, LogSource.SQUID, fmt, browser)).isEmpty();
    }
}
