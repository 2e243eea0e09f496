package jp.mamori.detection.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Deterministic telework-gateway (NetScaler {@code ns.log}) and web-proxy (Squid with {@code %>st})
 * logs of one day: ordinary staff sessions, and — for the demo — three staff sessions taken over
 * from outside (the Citrix Bleed pattern: the session is used from a new address, the VDI desktop is
 * launched from there) followed by uploads from those desktops to online storage. The same seed
 * gives the same bytes, so the demo is stable and the benchmark comparable.
 */
public final class SyntheticLogs {

    /** The Squid {@code logformat} of the generated proxy log (native plus request bytes). */
    public static final String SQUID_FORMAT = "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %>st %rm %ru %[un %Sh/%<a %mt";

    /** The demo's hijacked staff, the addresses that took their sessions, and where the data went. */
    public static final List<String> HIJACKED = List.of("suzuki.hanako", "tanaka.ichiro", "sato.yuki");
    public static final List<String> ATTACKERS = List.of("203.0.113.201", "203.0.113.202", "203.0.113.203");
    public static final List<String> STORAGE = List.of("gigafile.nu", "firestorage.jp", "mega.nz");

    private static final DateTimeFormatter NS = DateTimeFormatter.ofPattern("MM/dd/yyyy:HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] SITES = {"www.city.mamori.lg.jp", "www.soumu.go.jp", "www.e-gov.go.jp", "www.jma.go.jp", "www.nhk.or.jp",
            "www.google.co.jp", "www.yahoo.co.jp", "login.microsoftonline.com", "outlook.office365.com", "www.ipa.go.jp", "jvn.jp",
            "www.digital.go.jp", "www.mhlw.go.jp", "www.pref.example.lg.jp"};
    private static final String[] SURNAMES = {"takahashi", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida", "yamada",
            "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "yamazaki", "mori", "abe", "ikeda"};
    private static final String[] GIVEN = {"taro", "jiro", "hanako", "yuki", "aoi", "ren", "sakura", "haruto", "mei", "sota", "yui", "riku", "hina", "kaito", "mio"};

    private record Line(Instant at, int seq, String text) { }

    /** One day of both logs; {@code staff} ordinary users (the demo uses 300), {@code hijack} whether to add the three hijacked sessions. */
    public record Day(String gateway, String proxy) { }

    public static Day demo(LocalDate day, int staff, boolean hijack, long seed) {
        Random r = new Random(seed);
        List<Line> gw = new ArrayList<>(), px = new ArrayList<>();
        Instant start = day.atStartOfDay(ZoneOffset.ofHours(9)).toInstant();
        int[] seq = {0};
        List<String> users = new ArrayList<>();
        for (int i = 0; i < staff; i++) users.add(SURNAMES[i % SURNAMES.length] + "." + GIVEN[(i / SURNAMES.length) % GIVEN.length] + (i >= 300 ? i : ""));
        if (hijack) users.addAll(HIJACKED);
        long session = 70_000;
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            boolean victim = hijack && HIJACKED.contains(user);
            String home = (r.nextInt(4) == 0 ? "100.64." : "198.51.") + (r.nextInt(200) + 1) + "." + (r.nextInt(250) + 1);
            if (home.startsWith("198.51.")) home = "198.51.100." + (r.nextInt(250) + 1);
            String desktop = "10.20." + (1 + i / 250) + "." + (10 + i % 240);
            String ua = r.nextInt(3) == 0 ? "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) CitrixReceiver/24.2" : "Mozilla/5.0 (Windows NT 10.0; Win64; x64) CitrixWorkspace/2409";
            long sid = session++;
            Instant login = start.plusSeconds(8 * 3600 + 1200 + r.nextInt(5400));
            if (victim) login = start.plusSeconds(8 * 3600 + 1800 + 600L * HIJACKED.indexOf(user));
            Instant logout = login.plusSeconds(7 * 3600 + r.nextInt(3600));
            gw.add(ns(login, seq, "SSLVPN LOGIN", "Context " + user + "@" + home + " - SessionId: " + sid + " - User " + user + " - Client_ip " + home
                    + " - Nat_ip \"Mapped Ip\" - Vserver 192.0.2.10:443 - Browser_type \"" + ua + "\" - Group(s) \"STAFF\""));
            Instant ica = login.plusSeconds(30 + r.nextInt(60));
            gw.add(ns(ica, seq, "SSLVPN ICASTART", "[TCP] [CGP][ICAUUID=" + uuid(r) + "] Source " + home + ":" + (40000 + r.nextInt(20000))
                    + " - Destination " + desktop + ":2598 - customername  - username:domainname " + user + ":MAMORI - applicationName 仮想デスクトップ - startTime \""
                    + NS.format(ica) + " GMT\" - connectionId " + (900000 + i)));
            int stats = 3 + r.nextInt(4);
            for (int k = 0; k < stats; k++) {
                Instant t = login.plusSeconds(600 + (long) k * 3600 + r.nextInt(1200));
                if (t.isAfter(logout)) break;
                gw.add(tcpstat(t, seq, user, sid, home, desktop, r));
            }
            gw.add(ns(logout, seq, "SSLVPN LOGOUT", "Context " + user + "@" + home + " - SessionId: " + sid + " - User " + user + " - Client_ip " + home
                    + " - Nat_ip \"Mapped Ip\" - Vserver 192.0.2.10:443 - Start_time \"" + NS.format(login) + " GMT\" - End_time \"" + NS.format(logout)
                    + " GMT\" - Duration 07:00:00  - Http_resources_accessed 0 - Total_bytes_send " + r.nextInt(900000) + " - Total_bytes_recv "
                    + r.nextInt(90000000) + " - LogoutMethod \"Explicit\" - Group(s) \"STAFF\""));
            // ordinary browsing from the desktop through the proxy
            int requests = 15 + r.nextInt(20);
            for (int k = 0; k < requests; k++) {
                Instant t = ica.plusSeconds(120 + r.nextInt(6 * 3600));
                String site = SITES[r.nextInt(SITES.length)];
                boolean post = r.nextInt(12) == 0;
                px.add(squid(t, seq, desktop, post ? "POST" : "GET", "https://" + site + "/" + (post ? "form" : "page/" + r.nextInt(500)),
                        post ? 2000 + r.nextInt(30000) : 400 + r.nextInt(600), 2000 + r.nextInt(200000), r));
            }
            if (i % 40 == 7) {
                // sanctioned file sharing (allow-listed in the demo): large, but allowed
                for (int k = 0; k < 12; k++) px.add(squid(ica.plusSeconds(3600 + k * 30L), seq, desktop, "PUT",
                        "https://mamori-city.sharepoint.com/sites/kikaku/Shared%20Documents/shiryo" + k + ".pptx", 12_000_000 + r.nextInt(1000), 600, r));
            }
            if (i % 97 == 13) {
                // a small upload to a storage service: noted as first seen, not an incident
                px.add(squid(ica.plusSeconds(5400), seq, desktop, "POST", "https://firestorage.jp/upload", 850_000, 4200, r));
            }
            if (victim) {
                int v = HIJACKED.indexOf(user);
                String attacker = ATTACKERS.get(v);
                Instant taken = start.plusSeconds(13 * 3600 + 300 + 900L * v);
                gw.add(tcpstat(taken, seq, user, sid, attacker, desktop, r));
                Instant launch = taken.plusSeconds(95);
                gw.add(ns(launch, seq, "SSLVPN ICASTART", "[TCP] [CGP][ICAUUID=" + uuid(r) + "] Source " + attacker + ":" + (50000 + r.nextInt(9000))
                        + " - Destination " + desktop + ":2598 - customername  - username:domainname " + user + ":MAMORI - applicationName 仮想デスクトップ - startTime \""
                        + NS.format(launch) + " GMT\" - connectionId " + (990000 + v)));
                String storage = STORAGE.get(v);
                for (int k = 0; k < 36; k++) {
                    Instant t = launch.plusSeconds(240 + k * 45L);
                    px.add(squid(t, seq, desktop, "POST", "https://" + (storage.equals("mega.nz") ? "gfs270n.userstorage.mega.co.nz" : "upload." + storage) + "/upload/" + k,
                            9_000_000 + r.nextInt(500_000), 900, r));
                }
            }
        }
        return new Day(render(gw), render(px));
    }

    private static Line tcpstat(Instant t, int[] seq, String user, long sid, String client, String desktop, Random r) {
        return ns(t, seq, "SSLVPN TCPCONNSTAT", "Context " + user + "@" + client + " - SessionId: " + sid + " - User " + user + " - Client_ip " + client
                + " - Nat_ip 192.0.2.20 - Vserver 192.0.2.10:443 - Source " + client + ":" + (30000 + r.nextInt(30000)) + " - Destination " + desktop
                + ":2598 - Start_time \"" + NS.format(t) + " GMT\" - End_time \"" + NS.format(t.plusSeconds(60)) + " GMT\" - Duration 00:01:00  - Total_bytes_send "
                + r.nextInt(2_000_000) + " - Total_bytes_recv " + r.nextInt(200_000) + " - Access Allowed - Group(s) \"STAFF\"");
    }

    private static Line ns(Instant t, int[] seq, String event, String msg) {
        int n = seq[0]++;
        return new Line(t, n, "<134> " + NS.format(t) + " GMT mamori-ns01 0-PPE-0 : default " + event + " " + (4_000_000 + n) + " 0 : " + msg);
    }

    private static Line squid(Instant t, int[] seq, String client, String method, String url, long out, long in, Random r) {
        long ms = t.toEpochMilli();
        String host = url.replaceFirst("^https?://", "").split("/")[0];
        String line = String.format("%d.%03d %6d %s TCP_MISS/200 %d %d %s %s - HIER_DIRECT/192.0.2.%d %s", ms / 1000, ms % 1000, 20 + r.nextInt(900), client,
                in, out, method, url, 100 + Math.abs(host.hashCode() % 100), method.equals("GET") ? "text/html" : "application/json");
        return new Line(t, seq[0]++, line);
    }

    private static String uuid(Random r) {
        return String.format("%08x-%04x-%04x-%04x-%012x", r.nextInt(), r.nextInt(65536), r.nextInt(65536), r.nextInt(65536), r.nextLong() & 0xFFFFFFFFFFFFL);
    }

    private static String render(List<Line> lines) {
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::seq));
        StringBuilder sb = new StringBuilder(lines.size() * 300);
        for (Line l : lines) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    /**
     * For the benchmark: {@code sessions} gateway sessions that stay active (login, then activity
     * lines), written as they are generated, without building the log in memory.
     */
    public static long gatewayStream(Writer out, int sessions, int activityPerSession, Instant start) throws IOException {
        long lines = 0;
        StringBuilder sb = new StringBuilder(512);
        for (int i = 0; i < sessions; i++) {
            String user = "u" + i;
            String ip = "198.51." + ((i >> 8) & 255) + "." + (i & 255);
            Instant t = start.plusMillis(i * 5L);
            sb.setLength(0);
            sb.append("<134> ").append(NS.format(t)).append(" GMT ns1 0-PPE-0 : default SSLVPN LOGIN ").append(i).append(" 0 : Context ").append(user).append('@').append(ip)
                    .append(" - SessionId: ").append(100000 + i).append(" - User ").append(user).append(" - Client_ip ").append(ip)
                    .append(" - Nat_ip \"Mapped Ip\" - Vserver 192.0.2.10:443 - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"\n");
            out.append(sb);
            lines++;
        }
        for (int k = 0; k < activityPerSession; k++) {
            for (int i = 0; i < sessions; i++) {
                String user = "u" + i;
                String ip = "198.51." + ((i >> 8) & 255) + "." + (i & 255);
                Instant t = start.plusMillis(sessions * 5L + (long) k * sessions + i);
                sb.setLength(0);
                sb.append("<134> ").append(NS.format(t)).append(" GMT ns1 0-PPE-0 : default SSLVPN TCPCONNSTAT ").append(i).append(" 0 : Context ").append(user).append('@').append(ip)
                        .append(" - SessionId: ").append(100000 + i).append(" - User ").append(user).append(" - Client_ip ").append(ip)
                        .append(" - Nat_ip 192.0.2.20 - Vserver 192.0.2.10:443 - Source ").append(ip).append(":40000 - Destination 10.20.0.1:2598")
                        .append(" - Start_time \"").append(NS.format(t)).append(" GMT\" - Duration 00:01:00  - Total_bytes_send 1200 - Total_bytes_recv 5400 - Access Allowed - Group(s) \"STAFF\"\n");
                out.append(sb);
                lines++;
            }
        }
        return lines;
    }

    /** For the benchmark: {@code lines} proxy lines from {@code clients} desktops, some to online storage. */
    public static long proxyStream(Writer out, long lines, int clients, Instant start) throws IOException {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder(256);
        long ms0 = start.toEpochMilli();
        for (long n = 0; n < lines; n++) {
            long ms = ms0 + n * 3;
            int c = r.nextInt(clients);
            boolean storage = r.nextInt(50) == 0;
            String host = storage ? STORAGE.get(r.nextInt(3)) : SITES[r.nextInt(SITES.length)];
            String method = storage || r.nextInt(10) == 0 ? "POST" : "GET";
            sb.setLength(0);
            sb.append(ms / 1000).append('.').append(String.format("%03d", ms % 1000)).append("    120 10.").append((c >> 16) & 255).append('.').append((c >> 8) & 255).append('.')
                    .append(c & 255).append(" TCP_MISS/200 ").append(2000 + r.nextInt(9000)).append(' ').append(method.equals("POST") ? 20000 + r.nextInt(200000) : 500)
                    .append(' ').append(method).append(" https://").append(host).append("/p/").append(r.nextInt(1000)).append(" - HIER_DIRECT/192.0.2.7 text/html\n");
            out.append(sb);
        }
        return lines;
    }
}
