package jp.mamori.detection.logs;

import java.util.HashMap;
import java.util.Map;

/** Zeek {@code http.log} (TSV): columns are read from the {@code #fields} header, never by position. */
public final class ZeekHttpParser implements LineParser {

    private Map<String, Integer> columns;
    private char separator = '\t';

    @Override
    public LogEvent parse(String line, long lineNo) throws MalformedLineException {
        if (line.startsWith("#")) {
            if (line.startsWith("#separator ")) {
                String s = line.substring(11).strip();
                separator = s.startsWith("\\x") ? (char) Integer.parseInt(s.substring(2), 16) : s.charAt(0);
            } else if (line.startsWith("#fields")) {
                String[] f = line.split(String.valueOf(separator));
                columns = new HashMap<>();
                for (int i = 1; i < f.length; i++) columns.put(f[i], i - 1);
            }
            return null;
        }
        if (columns == null) throw new MalformedLineException("#fields の見出しがありません / no #fields header before the data");
        String[] v = line.split(String.valueOf(separator), -1);
        if (v.length < columns.size()) throw new MalformedLineException("項目が足りません / too few columns (" + v.length + " of " + columns.size() + ")");
        String method = get(v, "method");
        if (method == null) return null;
        LogEvent.Builder b = LogEvent.of(LogSource.ZEEK_HTTP, lineNo, Timestamps.epoch(get(v, "ts")), EventKind.WEB_REQUEST, line)
                .client(get(v, "id.orig_h")).target(get(v, "id.resp_h")).method(method)
                .destination(lower(get(v, "host"))).url(get(v, "uri")).userAgent(get(v, "user_agent")).user(get(v, "username"));
        b.bytesOut(NetScalerParser.number(get(v, "request_body_len")));
        b.bytesIn(NetScalerParser.number(get(v, "response_body_len")));
        return b.build();
    }

    private String get(String[] v, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= v.length) return null;
        String s = v[i];
        return s.equals("-") || s.equals("(empty)") || s.isEmpty() ? null : s;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
