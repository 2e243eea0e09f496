package jp.mamori.detection.logs;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citrix NetScaler ADC/Gateway {@code ns.log}: native syslog framing (month-first or day-first dates,
 * GMT or local), a BSD relay prefix, or RFC 5424 framing. Reads the SSLVPN/AAA/AAATM session events,
 * ICA launches and CLI commands; other modules are well-formed lines the rules do not need.
 */
public final class NetScalerParser implements LineParser {

    private static final Pattern RFC5424 = Pattern.compile("^\\s*<\\d{1,3}>1 (\\S+) (\\S+) \\S+ \\S+ \\S+ \\S+ ");

    private final Timestamps time;

    public NetScalerParser(Timestamps time) {
        this.time = time;
    }

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        Instant at;
        String host = null;
        String body;
        int dateAt = dateAt(line);
        if (dateAt >= 0) {
            int end = dateAt + 19;
            int colon = line.indexOf(" : ", end);
            if (colon < 0) throw new MalformedLineException("NetScaler の見出しがありません / no NetScaler header");
            String header = line.substring(end, colon);
            boolean gmt = header.startsWith(" GMT") || header.startsWith("GMT");
            at = time.netscaler(line, dateAt, gmt);
            host = host(header);
            body = line.substring(colon + 3);
        } else {
            Matcher r = RFC5424.matcher(line);
            if (r.find()) {
                at = time.iso(r.group(1));
                host = r.group(2);
                body = line.substring(r.end());
            } else if (line.contains(" default ") || line.contains("SSLVPN") || line.contains("AAA")) {
                throw new MalformedLineException("時刻がありません / the line has no timestamp");
            } else {
                throw new MalformedLineException("NetScaler の行ではありません / not a NetScaler log line");
            }
        }
        // [default] MODULE EVENT seq 0 : message
        int p = skipSpaces(body, 0);
        if (body.startsWith("default ", p)) p = skipSpaces(body, p + 8);
        int e1 = body.indexOf(' ', p);
        if (e1 < 0) throw new MalformedLineException("イベント種別がありません / no event type");
        String module = body.substring(p, e1);
        p = skipSpaces(body, e1);
        int e2 = body.indexOf(' ', p);
        String event = e2 < 0 ? body.substring(p) : body.substring(p, e2);
        int msgAt = body.indexOf(" : ", e2 < 0 ? p : e2);
        String msg = msgAt < 0 ? "" : body.substring(msgAt + 3);
        EventKind kind = kind(module, event);
        if (kind == null) return null;
        LogEvent.Builder b = LogEvent.of(LogSource.NETSCALER, lineNo, at, kind, line).host(host).detail(module + " " + event);
        Message f = new Message(msg);
        String context = f.value("Context ");
        String contextIp = null;
        if (context != null) {
            int a = context.lastIndexOf('@');
            if (a > 0) contextIp = context.substring(a + 1);
        }
        String session = f.value("SessionId: ");
        if (session == null) session = f.value("Sessionid: ");
        if (session != null) session = digits(session);
        b.session(session);
        String user = f.value(" User ");
        if (user == null && msg.startsWith("User ")) user = value(" " + msg, " User ");
        if (kind == EventKind.DESKTOP_LAUNCH || "ICAEND_CONNSTAT".equals(event)) {
            String ud = f.value("username:domainname ");
            if (ud != null) {
                int c = ud.indexOf(':');
                user = c >= 0 ? ud.substring(0, c) : ud;
            }
            b.client(f.value(" Source ")).target(f.value(" Destination "));
        } else {
            String client = f.value("Client_ip ");
            if (client == null) client = f.value("Remote_ip ");
            if (client == null) client = contextIp;
            if (client == null && "HTTPREQUEST".equals(event)) client = contextIp;
            b.client(client);
            b.forwardedFor(f.value("X-Forwarded-For_ip "));
        }
        if (user != null) {
            int sp = user.indexOf(' ');
            if (sp > 0 && kind != EventKind.ADMIN_COMMAND) user = user.substring(0, sp);
            if (user.endsWith(":")) user = user.substring(0, user.length() - 1);
        }
        b.user(user);
        String ua = f.value("Browser_type ");
        if (ua == null) ua = f.value("Browser ");
        b.userAgent(ua);
        b.bytesOut(number(f.value("Total_bytes_recv ")));
        b.bytesIn(number(f.value("Total_bytes_send ")));
        if (kind == EventKind.ADMIN_COMMAND) b.detail(f.value("Command "));
        if ("HTTPREQUEST".equals(event)) {
            int last = msg.lastIndexOf(" : ");
            if (last >= 0) {
                String req = msg.substring(last + 3).strip();
                int sp = req.indexOf(' ');
                if (sp > 0) {
                    b.method(req.substring(0, sp));
                    String rest = req.substring(sp + 1);
                    int dash = rest.indexOf(" - ");
                    b.url(dash >= 0 ? rest.substring(0, dash) : rest);
                }
            }
        }
        return b.build();
    }

    /**
     * Where the first {@code dd/dd/dddd:dd:dd:dd} of the line starts, when it starts within its
     * first 200 characters, else -1 — what the regular expression {@code (\\d{2})/(\\d{2})/(\\d{4}):…}
     * with {@code find()} and {@code start() < 200} said, by hand: that expression was a tenth of a gateway import (P5).
     */
    static int dateAt(String line) {
        int last = Math.min(199, line.length() - 19);
        for (int i = 0; i <= last; i++) {
            if (line.charAt(i + 2) == '/' && line.charAt(i + 5) == '/' && line.charAt(i + 10) == ':' && line.charAt(i + 13) == ':'
                    && line.charAt(i + 16) == ':' && digits(line, i, 2) && digits(line, i + 3, 2) && digits(line, i + 6, 4)
                    && digits(line, i + 11, 2) && digits(line, i + 14, 2) && digits(line, i + 17, 2)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean digits(String s, int from, int n) {
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * The host of a header {@code " GMT ns01 0-PPE-0"}: its first word when it has two or more, as
     * {@code header.replace("GMT", " ").strip().split("\\s+")} gave, without compiling that pattern
     * for every line; a header with other than printable ASCII goes the old way.
     */
    static String host(String header) {
        String h = header.replace("GMT", " ");
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                String[] w = h.strip().split("\\s+");
                return w.length >= 2 ? w[0] : null;
            }
        }
        int p = skipSpaces(h, 0);
        int e = h.indexOf(' ', p);
        if (e < 0) return null;
        return skipSpaces(h, e) < h.length() ? h.substring(p, e) : null;
    }

    static EventKind kind(String module, String event) {
        boolean session = module.equals("SSLVPN") || module.equals("AAATM") || module.equals("AAA") || module.equals("ICA");
        if (event.equals("CMD_EXECUTED")) return EventKind.ADMIN_COMMAND;
        if (!session) return null;
        return switch (event) {
            case "LOGIN" -> EventKind.LOGIN;
            case "LOGIN_FAILED" -> EventKind.LOGIN_FAILED;
            case "LOGOUT" -> EventKind.LOGOUT;
            case "TCPCONNSTAT", "UDPFLOWSTAT", "HTTPREQUEST", "TCPCONN_TIMEDOUT", "ICAEND_CONNSTAT" -> EventKind.SESSION_ACTIVITY;
            case "ICASTART" -> EventKind.DESKTOP_LAUNCH;
            default -> null;
        };
    }

    private static int skipSpaces(String s, int p) {
        while (p < s.length() && s.charAt(p) == ' ') p++;
        return p;
    }

    /**
     * A message read for many keys: where its {@code " : "} are is found once, not once a key (each
     * search ran to the end of the message, fourteen times a line; P5).
     */
    static final class Message {
        final String msg;
        private int[] colons = new int[2];
        private int n;

        Message(String msg) {
            this.msg = msg;
            for (int i = msg.indexOf(" : "); i >= 0; i = msg.indexOf(" : ", i + 1)) {
                if (n == colons.length) colons = java.util.Arrays.copyOf(colons, n * 2);
                colons[n++] = i;
            }
        }

        /** As {@link NetScalerParser#value(String, String)}. */
        String value(String key) {
            int i = msg.indexOf(key);
            if (i < 0) return null;
            int start = i + key.length();
            int colon = -1;
            for (int k = 0; k < n; k++) {
                if (colons[k] >= start) {
                    colon = colons[k];
                    break;
                }
            }
            return cut(msg, start, msg.indexOf(" - ", start), colon);
        }
    }

    /** The value after {@code key} up to the next {@code " - "} or {@code " : "}, quotes removed. */
    static String value(String msg, String key) {
        int i = msg.indexOf(key);
        if (i < 0) return null;
        int start = i + key.length();
        return cut(msg, start, msg.indexOf(" - ", start), msg.indexOf(" : ", start));
    }

    private static String cut(String msg, int start, int dash, int colon) {
        int end = msg.length();
        if (dash >= 0) end = dash;
        if (colon >= 0 && colon < end) end = colon;
        if (end > start && msg.charAt(start) == ' ' && dash == start) return null;
        String v = msg.substring(start, end).strip();
        if (v.endsWith("-")) v = v.substring(0, v.length() - 1).strip();
        v = v.replace("\\\"", "\"");
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        return v.isEmpty() ? null : v;
    }

    private static String digits(String s) {
        int e = 0;
        while (e < s.length() && Character.isDigit(s.charAt(e))) e++;
        return e == 0 ? s : s.substring(0, e);
    }

    static long number(String s) {
        if (s == null) return -1;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
