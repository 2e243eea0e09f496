package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.detection.logs.Addresses;
import jp.mamori.detection.logs.EventKind;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogFileException;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import org.junit.jupiter.api.Test;

/** The parsers on small logs written for these tests, one quirk per line. */
class LogParsersTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    record Read(LogReader.Report report, List<LogEvent> events) { }

    static Read read(String text, LogSource source, String format) throws IOException {
        List<LogEvent> out = new ArrayList<>();
        LogReader.Report r = new LogReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new LogReader.Options(source, format, ZoneId.of("Asia/Tokyo"), NOW, 0), out::add);
        return new Read(r, out);
    }

    @Test
    void netscalerSessionEventsInEveryFraming() throws IOException {
        String log = String.join("\n",
                "<134> 11/24/2026:04:02:11 GMT ns01 0-PPE-0 : default SSLVPN LOGIN 100 0 : Context alice@198.51.100.7 - SessionId: 5001 - User alice - Client_ip 198.51.100.7 - X-Forwarded-For_ip 10.1.1.1, 10.1.1.2 - Nat_ip \"Mapped Ip\" - Vserver 192.0.2.10:443 - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"",
                "<134> 24/11/2026:13:05:00  ns01 0-PPE-0 : default SSLVPN TCPCONNSTAT 101 0 : Context alice@203.0.113.9 - SessionId: 5001 - User alice - Client_ip 203.0.113.9 - Nat_ip 192.0.2.20 - Source 203.0.113.9:5000 - Destination 10.20.0.5:2598 - Total_bytes_send 10 - Total_bytes_recv 20",
                " Jun 22 19:14:37 <local0.info> 81.2.69.144 <134> 11/24/2026:04:10:00 GMT ns01 0-PPE-0 : SSLVPN ICASTART 102 0 :  [TCP] [CGP] Source 198.51.100.7:61267 - Destination 10.20.0.5:2598 - customername  - username:domainname alice:MAMORI - applicationName Desktop",
                "<131>1 2026-11-24T05:00:00Z ns01 SSLVPN 0-PPE-0 - - default SSLVPN LOGOUT 103 0 : Context alice@198.51.100.7 - SessionId: 5001 - User alice - Client_ip 198.51.100.7",
                "<135> 11/24/2026:20:00:00 GMT ns01 0-PPE-0 : default UI CMD_EXECUTED 104 0 :  User nsroot - ADM_User NONE - Remote_ip 192.0.2.50 - Command \"add system user backdoor xyz\" - Status \"Success\"",
                "<132> 11/24/2026:04:00:00 GMT ns01 0-PPE-0 : default AAA LOGIN_FAILED 105 0 : User bob@example.jp - Client_ip 198.51.100.8 - Failure_reason \"Username/Password mismatch\" - Browser python-httpx/0.27.0",
                "<135> default CMD_EXECUTED 4123456 0 :  User nsroot - Remote_ip 175.16.199.1 - Command \"show ns capacity\"",
                "<134> 11/24/2026:04:02:12 GMT ns01 0-PPE-0 : default EVENT MONITORUP 106 0 : Monitor up");
        Read r = read(log, null, null);
        assertThat(r.report().source()).isEqualTo(LogSource.NETSCALER);
        assertThat(r.report().lines()).isEqualTo(8);
        assertThat(r.events()).extracting(LogEvent::kind).containsExactly(EventKind.LOGIN, EventKind.SESSION_ACTIVITY, EventKind.DESKTOP_LAUNCH,
                EventKind.LOGOUT, EventKind.ADMIN_COMMAND, EventKind.LOGIN_FAILED);
        LogEvent login = r.events().get(0);
        assertThat(login.at()).isEqualTo(Instant.parse("2026-11-24T04:02:11Z"));
        assertThat(login.user()).isEqualTo("alice");
        assertThat(login.sessionId()).isEqualTo("5001");
        assertThat(login.clientIp()).isEqualTo("198.51.100.7");
        assertThat(login.forwardedFor()).isEqualTo("10.1.1.1, 10.1.1.2");
        assertThat(login.userAgent()).isEqualTo("Mozilla/5.0");
        LogEvent local = r.events().get(1);
        assertThat(local.at()).as("day-first, no GMT: read in Asia/Tokyo").isEqualTo(Instant.parse("2026-11-24T04:05:00Z"));
        assertThat(local.clientIp()).isEqualTo("203.0.113.9");
        LogEvent ica = r.events().get(2);
        assertThat(ica.user()).isEqualTo("alice");
        assertThat(ica.clientIp()).isEqualTo("198.51.100.7");
        assertThat(ica.target()).isEqualTo("10.20.0.5");
        assertThat(r.events().get(3).at()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(r.events().get(4).detail()).isEqualTo("add system user backdoor xyz");
        assertThat(r.events().get(4).user()).isEqualTo("nsroot");
        assertThat(r.events().get(5).userAgent()).isEqualTo("python-httpx/0.27.0");
        assertThat(r.report().rejectedCount()).isEqualTo(1);
        assertThat(r.report().rejected().get(0).line()).isEqualTo(7);
        assertThat(r.report().rejected().get(0).reason()).contains("no timestamp");
    }

    @Test
    void squidNativeSaysOnceThatUploadVolumeIsNotRecorded() throws IOException {
        String log = "1157689312.049   5006 10.105.21.199 TCP_MISS/200 19763 CONNECT login.example.com:443 badeyek DIRECT/175.16.199.115 -\n"
                + "1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 POST http://www.example.org/upload - DIRECT/175.16.199.61 text/html\n";
        Read r = read(log, null, null);
        assertThat(r.report().source()).isEqualTo(LogSource.SQUID);
        assertThat(r.report().notice()).contains("送信量は記録されていません");
        assertThat(r.events()).hasSize(2);
        LogEvent e = r.events().get(1);
        assertThat(e.at()).isEqualTo(Instant.parse("2006-09-08T04:22:00.327Z"));
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.destinationHost()).isEqualTo("www.example.org");
        assertThat(e.bytesIn()).isEqualTo(10182);
        assertThat(e.bytesOut()).isEqualTo(-1);
        assertThat(r.events().get(0).destinationHost()).isEqualTo("login.example.com");
        assertThat(r.events().get(0).user()).isEqualTo("badeyek");
    }

    @Test
    void squidCustomFormatWithRequestBytesAndQuotedHeaders() throws IOException {
        String fmt = "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %>st %rm %ru %[un %Sh/%<a %mt \"%{User-Agent}>h\"";
        String log = "1773416922.391    104 10.0.0.5 TCP_MISS/200 904 9000000 POST https://upload.gigafile.nu/x - HIER_DIRECT/203.0.113.10 text/html \"rclone/v1.66.0\"\n";
        Read r = read(log, LogSource.SQUID, fmt);
        assertThat(r.report().notice()).isNull();
        LogEvent e = r.events().get(0);
        assertThat(e.bytesOut()).isEqualTo(9_000_000);
        assertThat(e.destinationHost()).isEqualTo("upload.gigafile.nu");
        assertThat(e.userAgent()).isEqualTo("rclone/v1.66.0");
        assertThat(e.target()).isEqualTo("203.0.113.10");
    }

    @Test
    void accessLogWithHostHeader() throws IOException {
        String fmt = "%h %l %u %t \"%r\" %>s %b \"%{Host}i\" \"%{User-Agent}i\"";
        String log = "192.0.2.99 - - [24/Nov/2026:03:00:00 +0900] \"GET /oauth/idp/.well-known/openid-configuration HTTP/1.1\" 200 5120 \"" + "a".repeat(300)
                + "\" \"curl/8.0\"\n";
        Read r = read(log, LogSource.ACCESS, fmt);
        LogEvent e = r.events().get(0);
        assertThat(e.kind()).isEqualTo(EventKind.GATEWAY_REQUEST);
        assertThat(e.at()).isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));
        assertThat(e.url()).isEqualTo("/oauth/idp/.well-known/openid-configuration");
        assertThat(e.destinationHost()).hasSize(300);
        assertThat(e.clientIp()).isEqualTo("192.0.2.99");
    }

    @Test
    void zeekColumnsComeFromTheHeader() throws IOException {
        String log = "#separator \\x09\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmethod\thost\turi\tuser_agent\trequest_body_len\tresponse_body_len\n"
                + "1369159408.455878\tC1\t10.0.0.9\t57262\t54.243.88.146\t80\tPOST\tHTTPBIN.org\t/post\tcurl/7.30.0\t370\t465\n"
                + "1369159409.0\tC2\t10.0.0.9\t57263\t54.243.88.146\t80\t-\t-\t-\t-\t0\t0\n";
        Read r = read(log, null, null);
        assertThat(r.report().source()).isEqualTo(LogSource.ZEEK_HTTP);
        assertThat(r.events()).hasSize(1);
        assertThat(r.events().get(0).bytesOut()).isEqualTo(370);
        assertThat(r.events().get(0).destinationHost()).isEqualTo("httpbin.org");
    }

    @Test
    void zscalerJsonWrappedOrNot() throws IOException {
        String log = "{\"sourcetype\":\"zscalernss-web\",\"event\":{\"time\":\"Fri Dec 31 07:07:07 2021\",\"login\":\"kato@city.example.lg.jp\",\"eurl\":\"www.mediafire.com/upload\","
                + "\"reqmethod\":\"POST\",\"reqsize\":\"5000000\",\"respsize\":\"65\",\"cip\":\"10.0.0.4\",\"ua\":\"Mozilla\"}}\n"
                + "{\"time\":\"2021-12-31 08:08:08\",\"login\":\"kato\",\"eurl\":\"example.com:443\",\"reqmethod\":\"CONNECT\",\"reqsize\":\"600\",\"cip\":\"10.0.0.4\"}\n"
                + "{\"time\": \n";
        Read r = read(log, null, null);
        assertThat(r.report().source()).isEqualTo(LogSource.ZSCALER);
        assertThat(r.events()).hasSize(2);
        assertThat(r.events().get(0).destinationHost()).isEqualTo("www.mediafire.com");
        assertThat(r.events().get(0).bytesOut()).isEqualTo(5_000_000);
        assertThat(r.events().get(0).at()).isEqualTo(Instant.parse("2021-12-30T22:07:07Z"));
        assertThat(r.events().get(1).destinationHost()).isEqualTo("example.com");
        assertThat(r.report().rejected()).extracting(LogReader.Rejected::line).containsExactly(3L);
    }

    @Test
    void csvWithHeaderAndElff() throws IOException {
        Read csv = read("time,client,user,method,url,bytes_out\n2026-11-24T10:00:00+09:00,10.0.0.3,\"KATO\",PUT,https://www.dropbox.com/x,123\n", LogSource.CSV, null);
        assertThat(csv.events().get(0).destinationHost()).isEqualTo("www.dropbox.com");
        assertThat(csv.events().get(0).bytesOut()).isEqualTo(123);
        Read elff = read("#Software: proxy\n#Fields: date time c-ip cs-username cs-method cs-host cs-uri cs-bytes\n2026-11-24 01:00:00 10.0.0.3 kato POST mega.nz /u 999\n", null, null);
        assertThat(elff.report().source()).isEqualTo(LogSource.CSV);
        assertThat(elff.events().get(0).at()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(elff.events().get(0).bytesOut()).isEqualTo(999);
    }

    @Test
    void anUnknownFormatIsRefusedWithAHint() {
        assertThatThrownBy(() -> read("hello world\nthis is not a log\n", null, null)).isInstanceOf(LogFileException.class)
                .hasMessageContaining("形式を指定してください").hasMessageContaining("choose the format").hasMessageContaining("netscaler | access").hasMessageNotContaining("--source");
    }

    @Test
    void usersAndAddressesAreComparedAsPeopleMeanThem() {
        assertThat(Addresses.userKey("MAMORI\\Suzuki.Hanako")).isEqualTo("suzuki.hanako");
        assertThat(Addresses.userKey("suzuki.hanako@city.mamori.lg.jp")).isEqualTo("suzuki.hanako");
        assertThat(Addresses.userKey("Suzuki.Hanako(Users)")).isEqualTo("suzuki.hanako");
        assertThat(Addresses.strip("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(Addresses.strip("192.0.2.1:443")).isEqualTo("192.0.2.1");
        assertThat(Addresses.strip("[2001:db8::1]:443")).isEqualTo("2001:db8::1");
        assertThat(Addresses.firstForwarded("unknown, 203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(Addresses.Range.parse("100.64.0.0/10").contains("100.127.1.1")).isTrue();
        assertThat(Addresses.Range.parse("100.64.0.0/10").contains("100.128.0.1")).isFalse();
        assertThat(Addresses.Range.parse("2001:db8::/32").contains("2001:db8:1::1")).isTrue();
        assertThatThrownBy(() -> Addresses.Range.parse("300.1.1.1/8")).hasMessageContaining("CIDR");
    }
}
