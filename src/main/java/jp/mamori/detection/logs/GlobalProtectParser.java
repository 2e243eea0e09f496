package jp.mamori.detection.logs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Palo Alto Networks PAN-OS GLOBALPROTECT log (PAN-OS 9.1 and later) as syslog CSV, with or without
 * the syslog header in front. Columns by position: 6 generated time, 8 event id, 9 stage, 12 source
 * user, 14 machine name, 15/16 public IPv4/IPv6 (the client), 17/18 private IPv4/IPv6 (the tunnel
 * address), 19 host id, 21 client version, 28 status.
 *
 * <p>GlobalProtect records no session id: a session is the user on one agent installation (the host
 * id, else the machine name), so a stolen cookie used from another computer is a sign-in from a new
 * address, and one used from the same installation's identity is activity from a new address.
 * Sign-in: {@code gateway-auth}/{@code portal-auth}/{@code gateway-connected} with status success
 * (failure: a failed sign-in). Sign-out: {@code gateway-logout}, {@code gateway-config-release}.
 * Every other event of a user (configuration, HIP checks, tunnel set-up and latency) is activity.
 * {@code pre-logon} and pre-login events name no user and are not read; other PAN-OS log types
 * (TRAFFIC, THREAT, SYSTEM…) are well-formed lines the rules do not need.
 */
public final class GlobalProtectParser implements LineParser {

    static final String MARK = ",GLOBALPROTECT,";
    private static final String[] PANOS_TYPES = {",TRAFFIC,", ",THREAT,", ",SYSTEM,", ",CONFIG,", ",HIPMATCH,", ",USERID,", ",AUTHENTICATION,",
            ",DECRYPTION,", ",TUNNEL,", ",SCTP,", ",IPTAG,", ",CORRELATION,"};

    private final Timestamps time;

    public GlobalProtectParser(Timestamps time) {
        this.time = time;
    }

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        int mark = line.indexOf(MARK);
        if (mark < 0) {
            for (String t : PANOS_TYPES) if (line.contains(t)) return null;
            throw new MalformedLineException("GlobalProtect の CSV 行ではありません（GLOBALPROTECT 列がありません） / not a GlobalProtect CSV line (no GLOBALPROTECT column)");
        }
        // the record starts three commas before the type column; the header before it ends with a space or '>'
        int c2 = line.lastIndexOf(',', mark - 1);
        int c1 = c2 <= 0 ? -1 : line.lastIndexOf(',', c2 - 1);
        if (c1 <= 0) throw new MalformedLineException("GlobalProtect の CSV の先頭の列が足りません / the CSV record lacks its first columns");
        int start = Math.max(line.lastIndexOf(' ', c1 - 1), line.lastIndexOf('>', c1 - 1)) + 1;
        List<String> f = CsvLogParser.split(line.substring(start));
        if (f.size() < 29) {
            throw new MalformedLineException("GlobalProtect の列が足りません（" + f.size() + " 列、29 列以上が必要） / too few columns (" + f.size() + ", at least 29)");
        }
        Instant at = at(f.get(6).isBlank() ? f.get(1) : f.get(6));
        String event = f.get(8).strip().toLowerCase(Locale.ROOT);
        String status = f.get(28).strip().toLowerCase(Locale.ROOT);
        String user = f.get(12).strip();
        if (Addresses.userKey(user) == null) return null;
        boolean ok = !status.equals("failure") && !status.equals("failed");
        EventKind kind;
        switch (event) {
            case "gateway-auth", "portal-auth", "gateway-connected" -> kind = ok ? EventKind.LOGIN : EventKind.LOGIN_FAILED;
            case "gateway-logout", "gateway-config-release" -> kind = EventKind.LOGOUT;
            case "portal-prelogin", "gateway-prelogin" -> {
                return null;
            }
            default -> {
                if (!ok) return null;
                kind = EventKind.SESSION_ACTIVITY;
            }
        }
        String hostId = f.get(19).strip();
        String machine = f.get(14).strip();
        String agent = !hostId.isEmpty() ? hostId : machine;
        String session = agent.isEmpty() ? null : Addresses.userKey(user) + "@" + agent;
        String client = address(f.get(15));
        if (client == null) client = address(f.get(16));
        String tunnel = address(f.get(17));
        if (tunnel == null) tunnel = address(f.get(18));
        String version = f.size() > 21 ? f.get(21).strip() : "";
        return LogEvent.of(LogSource.GLOBALPROTECT, lineNo, at, kind, line).host(f.get(2)).user(user).session(session).client(client).target(tunnel)
                .userAgent(version.isEmpty() ? null : "GlobalProtect/" + version).detail(event + (machine.isEmpty() ? "" : " " + machine)).build();
    }

    /** {@code 2021/03/24 11:30:00} in the source's zone, or ISO 8601 ({@code 2021-10-22T16:10:05.000000Z}). */
    private Instant at(String s) throws MalformedLineException {
        String t = s.strip();
        if (t.length() == 19 && t.charAt(4) == '/' && t.charAt(7) == '/' && t.charAt(10) == ' ') {
            int y = Timestamps.num(t, 0, 4), mo = Timestamps.num(t, 5, 2), d = Timestamps.num(t, 8, 2);
            int h = Timestamps.num(t, 11, 2), mi = Timestamps.num(t, 14, 2), se = Timestamps.num(t, 17, 2);
            if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0) throw new MalformedLineException("時刻を読めません / unreadable time '" + Timestamps.clip(t) + "'");
            return time.of(y, mo, d, h, mi, se, 0, time.zone());
        }
        return time.iso(t);
    }

    private static String address(String v) {
        String a = Addresses.strip(v);
        if (a == null || !Addresses.isAddress(a) || a.equals("0.0.0.0") || a.equals("::")) return null;
        return a;
    }
}
