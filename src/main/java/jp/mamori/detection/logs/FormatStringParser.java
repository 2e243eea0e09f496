package jp.mamori.detection.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line format given as a Squid {@code logformat} string ({@code %ts.%03tu %6tr %>a %Ss/%03>Hs %<st …})
 * or an Apache {@code LogFormat} string ({@code %h %l %u %t "%r" %>s %b "%{Host}i"}). The line is split
 * on spaces (a quoted or bracketed field is one token); each format token is matched to one line token,
 * its directives separated by the literal text between them.
 */
public final class FormatStringParser implements LineParser {

    public static final String SQUID_NATIVE = "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt";
    public static final String APACHE_COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";

    enum Field { TS, TU, TL, CLIENT, USER, METHOD, URL, REQUEST, BYTES_OUT, BYTES_IN, UA, HOST, XFF, SERVER, IGNORE }

    /** One format token: its directives and the literals before, between and after them. */
    record Token(boolean quoted, List<String> literals, List<Field> fields) { }

    private final LogSource source;
    private final List<Token> tokens;
    private final Timestamps time;
    private final boolean recordsBytesOut;

    public FormatStringParser(LogSource source, String format, Timestamps time) {
        this.source = source;
        this.time = time;
        this.tokens = compile(format, source == LogSource.SQUID);
        boolean out = false;
        for (Token t : tokens) out |= t.fields.contains(Field.BYTES_OUT);
        this.recordsBytesOut = out;
    }

    public boolean recordsBytesOut() { return recordsBytesOut; }

    @Override
    public String notice() {
        return source == LogSource.SQUID && !recordsBytesOut
                ? "送信量は記録されていません（%>st を logformat に加えると送信量で判定できます） / upload volume is not recorded in this format (add %>st to the logformat)"
                : null;
    }

    static List<Token> compile(String format, boolean squid) {
        List<Token> out = new ArrayList<>();
        for (String raw : splitLine(format.strip())) {
            boolean quoted = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"");
            String t = quoted ? raw.substring(1, raw.length() - 1) : raw;
            List<String> literals = new ArrayList<>();
            List<Field> fields = new ArrayList<>();
            StringBuilder lit = new StringBuilder();
            int i = 0;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c != '%') { lit.append(c); i++; continue; }
                int j = i + 1;
                String arg = null;
                while (j < t.length() && (Character.isDigit(t.charAt(j)) || t.charAt(j) == '-' || t.charAt(j) == '\'')) j++;
                if (j < t.length() && t.charAt(j) == '{') {
                    int close = t.indexOf('}', j);
                    if (close < 0) throw new IllegalArgumentException("書式が不正です / unclosed { in format string");
                    arg = t.substring(j + 1, close);
                    j = close + 1;
                }
                int codeStart = j;
                while (j < t.length() && "<>[".indexOf(t.charAt(j)) >= 0) j++;
                while (j < t.length() && Character.isLetter(t.charAt(j))) j++;
                String code = t.substring(codeStart, j);
                if (code.isEmpty()) throw new IllegalArgumentException("書式が不正です / empty directive at '" + t + "'");
                literals.add(lit.toString());
                lit.setLength(0);
                fields.add(field(code, arg, squid));
                i = j;
            }
            literals.add(lit.toString());
            out.add(new Token(quoted, literals, fields));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("書式が空です / empty format string");
        return out;
    }

    static Field field(String code, String arg, boolean squid) {
        String a = arg == null ? "" : arg.toLowerCase(Locale.ROOT);
        if (arg != null && (code.equals(">h") || code.equals("i") || code.equals("h"))) {
            return switch (a) {
                case "user-agent" -> Field.UA;
                case "host" -> Field.HOST;
                case "x-forwarded-for" -> Field.XFF;
                default -> Field.IGNORE;
            };
        }
        if (squid) {
            return switch (code) {
                case "ts" -> Field.TS;
                case "tu" -> Field.TU;
                case "tl", "tg" -> Field.TL;
                case ">a", ">A" -> Field.CLIENT;
                case "un", "[un", "ul", "ue", "us", "ui" -> Field.USER;
                case "rm" -> Field.METHOD;
                case "ru", ">ru", "rp" -> Field.URL;
                case "rd" -> Field.HOST;
                case ">st" -> Field.BYTES_OUT;
                case "<st" -> Field.BYTES_IN;
                case "<a", "<A" -> Field.SERVER;
                default -> Field.IGNORE;
            };
        }
        return switch (code) {
            case "h", "a" -> Field.CLIENT;
            case "u" -> Field.USER;
            case "t" -> Field.TL;
            case "r" -> Field.REQUEST;
            case "m" -> Field.METHOD;
            case "U" -> Field.URL;
            case "I" -> Field.BYTES_OUT;
            case "b", "B", "O" -> Field.BYTES_IN;
            case "v", "V" -> Field.HOST;
            default -> Field.IGNORE;
        };
    }

    /** Splits on runs of spaces; a token that starts with {@code "} or {@code [} runs to its closing mark. */
    static List<String> splitLine(String line) {
        List<String> out = new ArrayList<>(16);
        int n = line.length(), i = 0;
        while (i < n) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            if (i >= n) break;
            int start = i;
            char c = line.charAt(i);
            if (c == '"' || c == '[') {
                char close = c == '"' ? '"' : ']';
                i++;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < n) { i += 2; continue; }
                    if (d == close && (i + 1 == n || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) { i++; break; }
                    i++;
                }
            } else {
                while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') i++;
            }
            out.add(line.substring(start, i));
        }
        return out;
    }

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        List<String> parts = splitLine(line);
        if (parts.size() < tokens.size()) {
            throw new MalformedLineException("項目が足りません（" + parts.size() + " / " + tokens.size() + "） / too few fields for the format ("
                    + parts.size() + " of " + tokens.size() + ")");
        }
        String ts = null, tu = null, tl = null, client = null, user = null, method = null, url = null, ua = null, hostH = null, xff = null, server = null;
        long out = -1, in = -1;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            String v = parts.get(k);
            if (t.quoted && v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') v = v.substring(1, v.length() - 1);
            int pos = 0;
            String lead = t.literals.get(0);
            if (!v.startsWith(lead)) throw new MalformedLineException("書式と合いません（項目 " + (k + 1) + "） / field " + (k + 1) + " does not fit the format");
            pos = lead.length();
            for (int f = 0; f < t.fields.size(); f++) {
                String next = t.literals.get(f + 1);
                int end;
                if (f == t.fields.size() - 1) {
                    end = next.isEmpty() ? v.length() : v.lastIndexOf(next);
                } else {
                    end = next.isEmpty() ? v.length() : v.indexOf(next, pos);
                }
                if (end < pos) {
                    if (t.fields.get(f) == Field.TU) { end = v.length(); }
                    else throw new MalformedLineException("書式と合いません（項目 " + (k + 1) + "） / field " + (k + 1) + " does not fit the format");
                }
                String val = v.substring(pos, end);
                switch (t.fields.get(f)) {
                    case TS -> ts = val;
                    case TU -> tu = val;
                    case TL -> tl = val;
                    case CLIENT -> client = val;
                    case USER -> user = val;
                    case METHOD -> method = val;
                    case URL -> url = val;
                    case REQUEST -> {
                        String[] r = val.split(" ", 3);
                        method = r[0];
                        url = r.length > 1 ? r[1] : null;
                    }
                    case BYTES_OUT -> out = bytes(val);
                    case BYTES_IN -> in = bytes(val);
                    case UA -> ua = val;
                    case HOST -> hostH = val;
                    case XFF -> xff = val;
                    case SERVER -> server = val;
                    case IGNORE -> { }
                }
                pos = end + next.length();
            }
        }
        Instant at;
        if (ts != null) {
            at = Timestamps.epoch(tu == null ? ts : ts + "." + tu);
        } else if (tl != null) {
            at = time.apache(tl);
        } else {
            throw new MalformedLineException("時刻の項目がありません / the format has no time field");
        }
        String dest = hostH;
        if (url != null && dest == null) dest = hostOf(url);
        EventKind kind = source == LogSource.ACCESS ? EventKind.GATEWAY_REQUEST : EventKind.WEB_REQUEST;
        return LogEvent.of(source, lineNo, at, kind, line).client(client).user(user).method(method).url(url)
                .destination(dest == null ? null : dest.toLowerCase(Locale.ROOT)).bytesOut(out).bytesIn(in).userAgent(ua)
                .forwardedFor(xff).target(server == null ? null : Addresses.strip(server)).build();
    }

    /** {@code http://a.example/x} → {@code a.example}; {@code a.example:443} → {@code a.example}. */
    public static String hostOf(String url) {
        String u = url;
        int scheme = u.indexOf("://");
        if (scheme >= 0) u = u.substring(scheme + 3);
        else if (u.startsWith("/")) return null;
        int end = u.length();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '/' || c == '?' || c == '#') { end = i; break; }
        }
        u = u.substring(0, end);
        int at = u.lastIndexOf('@');
        if (at >= 0) u = u.substring(at + 1);
        if (u.startsWith("[")) {
            int close = u.indexOf(']');
            return close > 0 ? u.substring(1, close) : u;
        }
        int colon = u.lastIndexOf(':');
        if (colon > 0 && u.indexOf(':') == colon) u = u.substring(0, colon);
        return u.isEmpty() ? null : u;
    }

    private static long bytes(String v) {
        if (v == null || v.isEmpty() || v.equals("-")) return -1;
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
            if (n > 1L << 50) return -1;
        }
        return n;
    }
}
