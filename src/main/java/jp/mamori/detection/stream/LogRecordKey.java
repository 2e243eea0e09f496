package jp.mamori.detection.stream;

import jp.mamori.detection.logs.LogSource;

/**
 * What a record on the log topic says about its line. The record key is
 * {@code ORGANISATION|ASSET|SOURCE[|NAME]}: the organisation's code, the asset code of the device
 * that wrote the log (empty for a proxy without one), the log format ({@code netscaler},
 * {@code squid}, …) and the name shown as the evidence's file (default: the topic). The value is the
 * line as the device wrote it. Headers: {@code mamori.line} (the line number in its file; default the
 * offset + 1), {@code mamori.format} (a Squid/Apache format string), {@code mamori.control = end}
 * (the end of an input: every open window of the organisation is closed and said).
 */
public record LogRecordKey(String org, String asset, LogSource source, String name) {

    public static final String LINE_HEADER = "mamori.line";
    public static final String FORMAT_HEADER = "mamori.format";
    public static final String CONTROL_HEADER = "mamori.control";
    public static final String END = "end";

    public static LogRecordKey parse(String key) {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("レコードのキーがありません / the record has no key (ORG|ASSET|SOURCE)");
        String[] p = key.split("\\|", 4);
        String org = p[0].strip();
        if (org.isEmpty()) throw new IllegalArgumentException("キーに組織コードがありません / the key names no organisation: " + clip(key));
        if (p.length < 3) throw new IllegalArgumentException("キーは ORG|ASSET|SOURCE です / the key must be ORG|ASSET|SOURCE: " + clip(key));
        String asset = p[1].strip();
        LogSource source = LogSource.fromKey(p[2]);
        String name = p.length > 3 && !p[3].isBlank() ? p[3].strip() : null;
        return new LogRecordKey(org, asset.isEmpty() ? null : asset, source, name);
    }

    public String format() {
        return org + "|" + (asset == null ? "" : asset) + "|" + source.key() + (name == null ? "" : "|" + name);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
