package jp.mamori.advisory.kev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.feed.CsvReader;

/**
 * The KEV CSV ({@code known_exploited_vulnerabilities.csv}): a header row with the JSON field
 * names, in any order, then one entry per row.
 */
final class KevCsvReader {
    void read(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024), name);
        List<String> header = csv.next();
        if (header == null) throw new FeedFormatException(name, "line 1", "empty file, expected the KEV CSV header");
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i).trim(), i);
        if (!columns.containsKey("cveID") || !columns.containsKey("dateAdded")) {
            throw new FeedFormatException(name, "line 1", "not a KEV CSV: the header lacks cveID and dateAdded (found "
                    + String.join(",", header.subList(0, Math.min(header.size(), 12))) + ")");
        }
        List<String> row;
        while ((row = csv.next()) != null) {
            List<String> r = row;
            long line = csv.recordLine();
            if (r.size() != header.size()) {
                throw new FeedFormatException(name, "line " + line,
                        "row has " + r.size() + " fields, the header has " + header.size());
            }
            sink.kev(KevFields.entry(f -> {
                Integer i = columns.get(f);
                if (i == null) return null;
                String v = r.get(i).trim();
                return v.isEmpty() ? null : v;
            }, (f, msg) -> new FeedFormatException(name, "line " + line + ", column " + f, msg)));
        }
    }
}
