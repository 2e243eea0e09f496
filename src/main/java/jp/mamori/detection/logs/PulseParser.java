package jp.mamori.detection.logs;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ivanti (Pulse) Connect Secure event log in the device's "Standard" syslog format:
 * {@code [syslog header] PulseSecure: - - - 2026-11-24 09:00:00 - node - [client] realm::user(REALM)[ROLES][sid] - message}.
 * The header may be RFC 5424 ({@code <134>1 2026-11-24T09:00:00+09:00 host PulseSecure: …}) or a
 * BSD header in front of it; the time is the header's ISO time when it carries one (it has an
 * offset), else the body's time in the source's zone.
 *
 * <p>Session id: the short id in the last bracket of the user field ({@code [5f934b7c31]}, newer
 * firmware), else the {@code (session:sid…)} of the message. Sign-ins are the messages that open a
 * session ({@code Login succeeded}, {@code Agent login succeeded}, {@code Session created for user});
 * a primary/secondary authentication alone opens none and is not read. Sign-outs: {@code Logout},
 * {@code Session timed out}, {@code Max session timeout}, {@code Session:[…] … deleted}. Every other
 * line of a user in a session (resumed sessions with their user agent, tunnels, web requests, closed
 * connections, Host Checker) is session activity. Lines of {@code System} are not needed.
 */
public final class PulseParser implements LineParser {

    static final String MARK = "PulseSecure: ";
    private static final Pattern ISO = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2}))");
    private static final Pattern BODY = Pattern.compile("^(?:- )*(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) - (\\S*) - \\[([^\\]]*)\\] ");
    private static final Pattern SID = Pattern.compile("\\(session: ?(sid[0-9a-fA-F]+|[0-9a-fA-F]{8,})\\)");
    private static final Pattern SID_QUOTED = Pattern.compile("session '(sid[0-9a-fA-F]+)'");
    private static final Pattern DELETED = Pattern.compile("^Session:\\[([0-9a-fA-F]+)\\] for user:\\[([^\\]]*)\\].* deleted");
    private static final Pattern FROM = Pattern.compile(" from \\[?([0-9a-fA-F.:]+)\\]?");
    private static final Pattern AGENT = Pattern.compile(" with (.+?)\\.?\\s*$");
    private static final Pattern RESUMED_UA = Pattern.compile("user agent '([^']*)'");
    private static final Pattern CODE = Pattern.compile("^[A-Z]{3}\\d{5}: ");

    private final Timestamps time;

    public PulseParser(Timestamps time) {
        this.time = time;
    }

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        int mark = line.indexOf(MARK);
        if (mark < 0) throw new MalformedLineException("Pulse Connect Secure の行ではありません（PulseSecure: がありません） / not a Pulse Connect Secure line (no 'PulseSecure:')");
        String header = line.substring(0, mark);
        String rest = line.substring(mark + MARK.length());
        Matcher b = BODY.matcher(rest);
        if (!b.find()) throw new MalformedLineException("Pulse Connect Secure の本文の形が違います（時刻 - ノード - [アドレス]） / the body is not 'date - node - [address] user - message'");
        Instant at;
        Matcher iso = ISO.matcher(header);
        if (iso.find()) {
            at = time.iso(iso.group(1));
        } else {
            at = time.of(Integer.parseInt(b.group(1)), Integer.parseInt(b.group(2)), Integer.parseInt(b.group(3)),
                    Integer.parseInt(b.group(4)), Integer.parseInt(b.group(5)), Integer.parseInt(b.group(6)), 0, time.zone());
        }
        String node = b.group(7);
        String client = b.group(8);
        String afterIp = rest.substring(b.end());
        int sep = afterIp.indexOf(" - ");
        if (sep < 0) throw new MalformedLineException("Pulse Connect Secure の本文に区切り「 - 」がありません / no ' - ' before the message");
        String who = afterIp.substring(0, sep);
        String msg = afterIp.substring(sep + 3).strip();
        Matcher code = CODE.matcher(msg);
        if (code.find()) msg = msg.substring(code.end());

        // realm::user(REALM)[ROLES][short id]
        String user = who;
        int realmSep = user.lastIndexOf("::", user.indexOf('(') < 0 ? user.length() : user.indexOf('('));
        if (realmSep >= 0) user = user.substring(realmSep + 2);
        String shortId = null;
        int paren = user.indexOf('(');
        if (paren >= 0) {
            String brackets = user.substring(paren);
            user = user.substring(0, paren);
            int close = brackets.lastIndexOf(']');
            int open = close < 0 ? -1 : brackets.lastIndexOf('[', close);
            int roles = brackets.indexOf('[');
            if (open > roles && roles >= 0) {
                String id = brackets.substring(open + 1, close);
                if (!id.isEmpty() && id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) shortId = id;
            }
        }
        user = user.strip();
        if (user.isEmpty() || user.equals("System")) return null;

        EventKind kind;
        String session = shortId;
        String ua = null;
        Matcher deleted = DELETED.matcher(msg);
        if (deleted.find()) {
            kind = EventKind.LOGOUT;
            session = deleted.group(1);
        } else if (msg.startsWith("Login succeeded") || msg.startsWith("Agent login succeeded") || msg.startsWith("Session created for user")) {
            kind = EventKind.LOGIN;
            if (!msg.startsWith("Session created")) {
                Matcher a = AGENT.matcher(msg);
                if (a.find()) ua = a.group(1);
            }
        } else if (msg.startsWith("Login failed") || msg.contains("authentication failed") || msg.startsWith("Primary authentication failed")
                || msg.startsWith("Secondary authentication failed")) {
            kind = EventKind.LOGIN_FAILED;
        } else if (msg.startsWith("Logout") || msg.startsWith("Session timed out") || msg.startsWith("Max session timeout")
                || msg.startsWith("Session terminated") || msg.startsWith("Session switch")) {
            kind = EventKind.LOGOUT;
        } else if (msg.contains("authentication successful") || msg.contains("realm restrictions successfully passed")) {
            return null;
        } else {
            kind = EventKind.SESSION_ACTIVITY;
            Matcher r = RESUMED_UA.matcher(msg);
            if (r.find()) ua = r.group(1);
        }
        if (session == null) {
            Matcher s = SID.matcher(msg);
            if (s.find()) session = s.group(1);
            else {
                Matcher q = SID_QUOTED.matcher(msg);
                if (q.find()) session = q.group(1);
            }
        }
        if (kind == EventKind.SESSION_ACTIVITY && session == null) return null;
        String c = address(client);
        if (c == null && kind == EventKind.LOGIN) {
            Matcher f = FROM.matcher(msg);
            if (f.find()) c = address(f.group(1));
        }
        return LogEvent.of(LogSource.PULSE, lineNo, at, kind, line).host(node).user(user).session(session).client(c).userAgent(ua)
                .detail(msg.length() > 200 ? msg.substring(0, 200) : msg).build();
    }

    private static String address(String v) {
        String c = Addresses.strip(v);
        if (c == null || !Addresses.isAddress(c) || c.equals("127.0.0.1")) return null;
        return c;
    }
}
