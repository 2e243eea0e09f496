package jp.mamori.detection.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A proxy log as CSV with a header row, or W3C ELFF ({@code #Fields: date time c-ip …}, space-separated).
 * Columns are mapped by name (ELFF names and common synonyms).
 */
public final class CsvLogParser implements LineParser {

    private final Timestamps time;
    private Map<String, Integer> columns;
    private boolean elff;

    public CsvLogParser(Timestamps time) {
        this.time = time;
    }

    private static final Map<String, String> NAMES = new HashMap<>();
    static {
        for (String s : new String[] {"time", "timestamp", "datetime", "date-time", "@timestamp"}) NAMES.put(s, "time");
        NAMES.put("date", "date");
        for (String s : new String[] {"c-ip", "client", "client_ip", "src_ip", "cip", "source", "srcip"}) NAMES.put(s, "client");
        for (String s : new String[] {"cs-username", "user", "username", "login", "identity"}) NAMES.put(s, "user");
        for (String s : new String[] {"cs-method", "method", "reqmethod", "http_method"}) NAMES.put(s, "method");
        for (String s : new String[] {"cs-host", "host", "hostname", "dest_host", "domain", "r-host"}) NAMES.put(s, "host");
        for (String s : new String[] {"cs-uri", "url", "uri", "eurl", "cs-uri-stem"}) NAMES.put(s, "url");
        for (String s : new String[] {"cs-bytes", "bytes_out", "reqsize", "sent", "request_size", "bytes_sent"}) NAMES.put(s, "out");
        for (String s : new String[] {"sc-bytes", "bytes_in", "respsize", "received", "response_size", "bytes_received"}) NAMES.put(s, "in");
        for (String s : new String[] {"cs(user-agent)", "useragent", "user_agent", "ua", "user-agent"}) NAMES.put(s, "ua");
    }

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        if (line.startsWith("#")) {
            if (line.regionMatches(true, 0, "#Fields:", 0, 8)) {
                elff = true;
                header(List.of(line.substring(8).strip().split("\\s+")));
            }
            return null;
        }
        if (columns == null) {
            header(split(line));
            if (!columns.containsKey("time") && !columns.containsKey("date")) {
                columns = null;
                throw new MalformedLineException("見出し行に時刻の列がありません / the header row names no time column");
            }
            return null;
        }
        List<String> v = elff ? List.of(line.split("\\s+")) : split(line);
        String t = get(v, "time");
        String d = get(v, "date");
        if (d != null && t != null && !t.contains("-")) t = d + " " + t;
        else if (t == null) t = d;
        if (t == null) throw new MalformedLineException("時刻がありません / no time");
        java.time.Instant at = t.matches("\\d{9,}(\\.\\d+)?") ? Timestamps.epoch(t) : time.iso(t);
        String url = get(v, "url");
        String host = get(v, "host");
        if (host == null && url != null) host = FormatStringParser.hostOf(url);
        return LogEvent.of(LogSource.CSV, lineNo, at, EventKind.WEB_REQUEST, line).client(get(v, "client")).user(get(v, "user"))
                .method(get(v, "method")).destination(host == null ? null : host.toLowerCase(Locale.ROOT)).url(url)
                .bytesOut(NetScalerParser.number(get(v, "out"))).bytesIn(NetScalerParser.number(get(v, "in"))).userAgent(get(v, "ua")).build();
    }

    private void header(List<String> names) {
        columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String key = NAMES.get(names.get(i).strip().toLowerCase(Locale.ROOT));
            if (key != null) columns.putIfAbsent(key, i);
        }
    }

    private String get(List<String> v, String key) {
        Integer i = columns.get(key);
        if (i == null || i >= v.size()) return null;
        String s = v.get(i).strip();
        return s.isEmpty() || s.equals("-") ? null : s;
    }

    /** One CSV record (RFC 4180 quotes). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                    else q = false;
                } else cur.append(c);
            } else if (c == '"') q = true;
            else if (c == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
