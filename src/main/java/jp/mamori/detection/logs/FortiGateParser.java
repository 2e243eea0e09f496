package jp.mamori.detection.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * FortiGate (FortiOS) syslog in its {@code key=value} form, with or without {@code <PRI>} and a
 * relay's header in front. Reads the SSL-VPN events: {@code tunnel-up} (sign-in; the session is the
 * {@code tunnelid}, the client {@code remip}), {@code tunnel-stats} and the other SSL-VPN actions of a
 * user in a tunnel (activity), {@code tunnel-down} (sign-out), {@code ssl-login-fail}; failed
 * administrator sign-ins; and configuration changes ({@code Object attribute configured}: the
 * message, e.g. {@code Add user.local test01}, as the administrative command). Traffic, UTM, IPsec
 * and other lines are well-formed lines the rules do not need.
 *
 * <p>Time: {@code date=} and {@code time=} in {@code tz=} when the line has it (else in the source's
 * zone), else {@code eventtime=} (seconds to nanoseconds since the epoch).
 */
public final class FortiGateParser implements LineParser {

    private final Timestamps time;

    public FortiGateParser(Timestamps time) {
        this.time = time;
    }

    /** The {@code key=value} pairs of a line ({@code "…"} values may hold spaces); text that is not a pair is passed over. */
    static Map<String, String> pairs(String line) {
        Map<String, String> out = new HashMap<>(48);
        int n = line.length();
        int i = 0;
        if (i < n && line.charAt(i) == '\uFEFF') i++;
        if (i < n && line.charAt(i) == '<') {
            int gt = line.indexOf('>', i);
            if (gt > 0 && gt < i + 6) i = gt + 1;
        }
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') i++;
            int k = i;
            while (i < n && isKeyChar(line.charAt(i))) i++;
            if (i >= n || line.charAt(i) != '=' || i == k) {
                // not a pair: skip the token (a relay's time and address, a stray '|')
                while (i < n && line.charAt(i) != ' ') i++;
                continue;
            }
            String key = line.substring(k, i);
            i++;
            String value;
            if (i < n && line.charAt(i) == '"') {
                int end = line.indexOf('"', i + 1);
                while (end > 0 && line.charAt(end - 1) == '\\') end = line.indexOf('"', end + 1);
                if (end < 0) end = n;
                value = line.substring(i + 1, end);
                i = Math.min(n, end + 1);
            } else {
                int end = line.indexOf(' ', i);
                if (end < 0) end = n;
                value = line.substring(i, end);
                i = end;
            }
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        Map<String, String> kv = pairs(line);
        String logid = kv.containsKey("logid") ? kv.get("logid") : kv.get("log_id");
        if (logid == null && !kv.containsKey("type")) {
            throw new MalformedLineException("FortiGate の key=value 行ではありません（logid も type もありません） / not a FortiGate key=value line (no logid, no type)");
        }
        Instant at = at(kv);
        String type = lower(kv.get("type"));
        String subtype = lower(kv.get("subtype"));
        String action = lower(kv.get("action"));
        String desc = kv.get("logdesc") == null ? kv.getOrDefault("desc", "") : kv.get("logdesc");
        String host = kv.get("devname");
        if (!"event".equals(type)) return null;
        if ("vpn".equals(subtype)) return vpn(kv, line, lineNo, at, host, action, desc);
        if ("system".equals(subtype)) {
            if ("login".equals(action) && "failed".equals(lower(kv.get("status")))) {
                return LogEvent.of(LogSource.FORTIGATE, lineNo, at, EventKind.LOGIN_FAILED, line).host(host).user(user(kv.get("user")))
                        .client(address(kv.get("srcip"), kv.get("ui"))).detail(desc).build();
            }
            if (desc.startsWith("Object attribute configured") || desc.startsWith("Attribute configured") || desc.startsWith("Object configured")) {
                String msg = kv.get("msg");
                if (msg == null) msg = (kv.getOrDefault("action", "") + " " + kv.getOrDefault("cfgpath", "") + " " + kv.getOrDefault("cfgobj", "")).strip();
                return LogEvent.of(LogSource.FORTIGATE, lineNo, at, EventKind.ADMIN_COMMAND, line).host(host).user(user(kv.get("user")))
                        .client(address(kv.get("srcip"), kv.get("ui"))).detail(msg).build();
            }
        }
        return null;
    }

    private static LogEvent vpn(Map<String, String> kv, String line, long lineNo, Instant at, String host, String action, String desc) {
        String tunnelType = lower(kv.get("tunneltype"));
        boolean ssl = tunnelType != null ? tunnelType.startsWith("ssl") : desc.startsWith("SSL VPN");
        if (action != null && action.equals("ssl-login-fail")) {
            return LogEvent.of(LogSource.FORTIGATE, lineNo, at, EventKind.LOGIN_FAILED, line).host(host).user(user(kv.get("user")))
                    .client(address(kv.get("remip"), null)).detail(desc).build();
        }
        if (!ssl || action == null) return null;
        EventKind kind = switch (action) {
            case "tunnel-up" -> EventKind.LOGIN;
            case "tunnel-down" -> EventKind.LOGOUT;
            default -> EventKind.SESSION_ACTIVITY;
        };
        String tunnel = kv.get("tunnelid");
        String user = user(kv.get("user"));
        if (tunnel == null || (user == null && kind != EventKind.LOGOUT)) return null;
        LogEvent.Builder b = LogEvent.of(LogSource.FORTIGATE, lineNo, at, kind, line).host(host).user(user).session(tunnel)
                .client(address(kv.get("remip"), null)).target(none(kv.get("tunnelip"))).detail(desc);
        b.bytesOut(NetScalerParser.number(kv.get("rcvdbyte"))).bytesIn(NetScalerParser.number(kv.get("sentbyte")));
        return b.build();
    }

    private Instant at(Map<String, String> kv) throws MalformedLineException {
        String date = kv.get("date");
        String t = kv.get("time");
        if (date != null && t != null && date.length() == 10 && t.length() >= 8) {
            int y = Timestamps.num(date, 0, 4), mo = Timestamps.num(date, 5, 2), d = Timestamps.num(date, 8, 2);
            int h = Timestamps.num(t, 0, 2), mi = Timestamps.num(t, 3, 2), s = Timestamps.num(t, 6, 2);
            if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) throw new MalformedLineException("時刻を読めません / unreadable date= time=");
            return time.of(y, mo, d, h, mi, s, 0, zone(kv.get("tz")));
        }
        String ev = kv.get("eventtime");
        if (ev == null) ev = kv.get("timestamp");
        if (ev != null && !ev.isEmpty() && ev.chars().allMatch(Character::isDigit) && ev.length() <= 19) {
            long v = Long.parseLong(ev);
            if (ev.length() > 16) return Instant.ofEpochSecond(v / 1_000_000_000L, v % 1_000_000_000L);
            if (ev.length() > 13) return Instant.ofEpochSecond(v / 1_000_000L, (v % 1_000_000L) * 1000);
            if (ev.length() > 10) return Instant.ofEpochMilli(v);
            return Instant.ofEpochSecond(v);
        }
        throw new MalformedLineException("時刻がありません（date= time= も eventtime= もありません） / no time (neither date= time= nor eventtime=)");
    }

    /** {@code tz="+0900"}, {@code "-0500"}, {@code "UTC-5:00"}; absent or unreadable: the source's zone. */
    private ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) return time.zone();
        String z = tz.strip();
        if (z.regionMatches(true, 0, "UTC", 0, 3) || z.regionMatches(true, 0, "GMT", 0, 3)) z = z.substring(3);
        if (z.isEmpty()) return ZoneOffset.UTC;
        try {
            if (z.matches("[+-]\\d{4}")) return ZoneOffset.of(z.substring(0, 3) + ":" + z.substring(3));
            if (z.matches("[+-]\\d{1,2}(:\\d{2})?")) {
                String[] p = z.substring(1).split(":");
                int h = Integer.parseInt(p[0]), m = p.length > 1 ? Integer.parseInt(p[1]) : 0;
                return ZoneOffset.ofHoursMinutes(z.charAt(0) == '-' ? -h : h, z.charAt(0) == '-' ? -m : m);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return time.zone();
        }
        return time.zone();
    }

    private static String lower(String v) {
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static String none(String v) {
        return v == null || v.isEmpty() || v.equalsIgnoreCase("N/A") || v.equals("(null)") ? null : v;
    }

    private static String user(String v) {
        return none(v);
    }

    /** The client address: {@code srcip}/{@code remip}, else the one in {@code ui="https(172.16.1.2)"}. */
    private static String address(String ip, String ui) {
        String a = Addresses.strip(none(ip));
        if (a != null && Addresses.isAddress(a)) return a;
        if (ui != null) {
            int open = ui.indexOf('('), close = ui.lastIndexOf(')');
            if (open >= 0 && close > open) {
                String inner = Addresses.strip(ui.substring(open + 1, close));
                if (inner != null && Addresses.isAddress(inner)) return inner;
            }
        }
        return null;
    }
}
