package jp.mamori.advisory.epss;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.feed.LineReader;
import jp.mamori.advisory.feed.Timestamps;

/**
 * The FIRST daily EPSS CSV: {@code #model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z},
 * then the header {@code cve,epss,percentile}, then about 300,000 rows. The values are plain
 * (never quoted), so rows are split with {@code indexOf}: no regex and no CSV machinery per line.
 * A per-row {@code date} column, as in files assembled from the EPSS API, overrides the score date.
 */
final class EpssCsvReader {
    private static final int MAX_LINE = 64 * 1024;

    void read(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        LineReader lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8), name, MAX_LINE);
        String modelVersion = null;
        LocalDate scoreDate = null;
        String line;
        while ((line = lines.readLine()) != null && (line.isBlank() || line.startsWith("#"))) {
            if (line.isBlank()) continue;
            for (String pair : line.substring(1).split(",")) {
                int colon = pair.indexOf(':');
                if (colon < 0) continue;
                String key = pair.substring(0, colon).trim();
                String value = pair.substring(colon + 1).trim();
                if (key.equals("model_version")) {
                    modelVersion = value;
                    sink.meta("model_version", value);
                } else if (key.equals("score_date")) {
                    scoreDate = date(value, name, lines.lineNumber(), "score_date");
                    sink.meta("score_date", value);
                }
            }
        }
        if (line == null) throw new FeedFormatException(name, "line " + (lines.lineNumber() + 1), "no header row (cve,epss,percentile)");
        Columns cols = Columns.of(line, name, lines.lineNumber());
        if (scoreDate == null && cols.date < 0) {
            throw new FeedFormatException(name, "line " + lines.lineNumber(),
                    "no score date: neither a '#...score_date:' line nor a date column");
        }
        String[] f = new String[cols.count];
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) continue;
            long n = lines.lineNumber();
            split(line, f, name, n);
            String cve = f[cols.cve].trim();
            if (!cve.startsWith("CVE-")) throw new FeedFormatException(name, "line " + n, "not a CVE id: '" + cve + "'");
            LocalDate date = cols.date < 0 ? scoreDate : date(f[cols.date], name, n, "date");
            sink.epss(new EpssScore(cve, probability(f[cols.epss], name, n, "epss"),
                    probability(f[cols.percentile], name, n, "percentile"), date, modelVersion));
        }
    }

    /** Splits exactly {@code out.length} comma-separated fields; any other count is an error. */
    private static void split(String line, String[] out, String name, long n) throws FeedFormatException {
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            int comma = line.indexOf(',', start);
            boolean last = i == out.length - 1;
            if (last != (comma < 0)) {
                throw new FeedFormatException(name, "line " + n, "expected " + out.length + " comma-separated fields: '"
                        + abbreviate(line) + "'");
            }
            out[i] = last ? line.substring(start) : line.substring(start, comma);
            start = comma + 1;
        }
    }

    private static double probability(String s, String name, long n, String column) throws FeedFormatException {
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new FeedFormatException(name, "line " + n + ", column " + column, column + " is not a number: '" + abbreviate(s) + "'");
        }
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new FeedFormatException(name, "line " + n + ", column " + column, column + " is outside 0..1: " + s.trim());
        }
        return v;
    }

    private static LocalDate date(String s, String name, long n, String what) throws FeedFormatException {
        try {
            return Timestamps.date(s);
        } catch (DateTimeParseException e) {
            throw new FeedFormatException(name, "line " + n, what + " is not a date: '" + abbreviate(s) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** Positions of the columns named in the header. */
    private record Columns(int count, int cve, int epss, int percentile, int date) {
        static Columns of(String header, String name, long n) throws FeedFormatException {
            String[] h = header.replace("\uFEFF", "").split(",", -1);
            int cve = -1, epss = -1, percentile = -1, date = -1;
            for (int i = 0; i < h.length; i++) {
                switch (h[i].trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "cve" -> cve = i;
                    case "epss" -> epss = i;
                    case "percentile" -> percentile = i;
                    case "date" -> date = i;
                    default -> { }
                }
            }
            if (cve < 0 || epss < 0 || percentile < 0) {
                throw new FeedFormatException(name, "line " + n, "not an EPSS CSV header (expected cve,epss,percentile): '"
                        + abbreviate(header) + "'");
            }
            return new Columns(h.length, cve, epss, percentile, date);
        }
    }
}
