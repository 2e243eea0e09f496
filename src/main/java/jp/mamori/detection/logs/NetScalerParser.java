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

    private static final Pattern NS_DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4}):(\\d{2}):(\\d{2}):(\\d{2})");
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
        Matcher m = NS_DATE.matcher(line);
        boolean found = m.find() && m.start() < 200;
        if (found) {
            int end = m.end();
            int colon = line.indexOf(" : ", end);
            if (colon < 0) throw new MalformedLineException("NetScaler の見出しがありません / no NetScaler header");
            String header = line.substring(end, colon);
            boolean gmt = header.startsWith(" GMT") || header.startsWith("GMT");
            at = time.netscaler(line, m.start(), gmt);
            String[] h = header.replace("GMT", " ").strip().split("\\s+");
            if (h.length >= 2) host = h[0];
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
        String context = value(msg, "Context ");
        String contextIp = null;
        if (context != null) {
            int a = context.lastIndexOf('@');
            if (a > 0) contextIp = context.substring(a + 1);
        }
        String session = value(msg, "SessionId: ");
        if (session == null) session = value(msg, "Sessionid: ");
        if (session != null) session = digits(session);
        b.session(session);
        String user = value(msg, " User ");
        if (user == null && msg.startsWith("User ")) user = value(" " + msg, " User ");
        if (kind == EventKind.DESKTOP_LAUNCH || "ICAEND_CONNSTAT".equals(event)) {
            String ud = value(msg, "username:domainname ");
            if (ud != null) {
                int c = ud.indexOf(':');
                user = c >= 0 ? ud.substring(0, c) : ud;
            }
            b.client(value(msg, " Source ")).target(value(msg, " Destination "));
        } else {
            String client = value(msg, "Client_ip ");
            if (client == null) client = value(msg, "Remote_ip ");
            if (client == null) client = contextIp;
            if (client == null && "HTTPREQUEST".equals(event)) client = contextIp;
            b.client(client);
            b.forwardedFor(value(msg, "X-Forwarded-For_ip "));
        }
        if (user != null) {
            int sp = user.indexOf(' ');
            if (sp > 0 && kind != EventKind.ADMIN_COMMAND) user = user.substring(0, sp);
            if (user.endsWith(":")) user = user.substring(0, user.length() - 1);
        }
        b.user(user);
        String ua = value(msg, "Browser_type ");
        if (ua == null) ua = value(msg, "Browser ");
        b.userAgent(ua);
        b.bytesOut(number(value(msg, "Total_bytes_recv ")));
        b.bytesIn(number(value(msg, "Total_bytes_send ")));
        if (kind == EventKind.ADMIN_COMMAND) b.detail(value(msg, "Command "));
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

    /** The value after {@code key} up to the next {@code " - "} or {@code " : "}, quotes removed. */
    static String value(String msg, String key) {
        int i = msg.indexOf(key);
        if (i < 0) return null;
        int start = i + key.length();
        int end = msg.length();
        int dash = msg.indexOf(" - ", start);
        if (dash >= 0) end = dash;
        int colon = msg.indexOf(" : ", start);
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
