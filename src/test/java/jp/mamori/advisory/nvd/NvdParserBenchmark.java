package jp.mamori.advisory.nvd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.InputStream;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.feed.FeedLimits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SPEC P3: the parser against a bare Jackson token scan of the same bytes, at NVD scale (300,000
 * records by default; {@code -Dmamori.bench.records=N}). Excluded from the normal build by its tag;
 * run it with {@code java -cp ... jp.mamori.advisory.nvd.NvdParserBenchmark} or from an IDE.
 * Prints the ratio, which the spec wants at 0.5 or above for the whole import, and the heap in use
 * afterwards. {@code -Dmamori.feeds.readAhead=false} measures the parser without its read-ahead thread.
 */
@Tag("benchmark")
class NvdParserBenchmark {
    private static final JsonFactory PLAIN = JsonFactory.builder()
            .streamReadConstraints(FeedLimits.DEFAULT.streamReadConstraints()).build();

    @Test
    void parserAgainstBareTokenScan() throws Exception {
        run(Integer.getInteger("mamori.bench.records", 300_000));
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 300_000);
    }

    static void run(int records) throws Exception {
        for (int warm = 0; warm < 3; warm++) {
            scan(new SyntheticNvdResponse(20_000));
            parse(new SyntheticNvdResponse(20_000));
        }
        long bytes = new SyntheticNvdResponse(records).length();
        long scanNanos = Long.MAX_VALUE;
        long parseNanos = Long.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            long tokens = scan(new SyntheticNvdResponse(records));
            long t1 = System.nanoTime();
            int parsed = parse(new SyntheticNvdResponse(records));
            long t2 = System.nanoTime();
            if (parsed != records || tokens == 0) throw new AssertionError("parsed " + parsed + " of " + records);
            scanNanos = Math.min(scanNanos, t1 - t0);
            parseNanos = Math.min(parseNanos, t2 - t1);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("NVD parse benchmark: %d records, %.0f MB%n", records, bytes / 1e6);
        System.out.printf("  bare token scan: %6.2f s  %6.1f MB/s%n", scanNanos / 1e9, bytes / 1e6 / (scanNanos / 1e9));
        System.out.printf("  NvdParser:       %6.2f s  %6.1f MB/s%n", parseNanos / 1e9, bytes / 1e6 / (parseNanos / 1e9));
        System.out.printf("  ratio parser/scan speed: %.2f (P3 wants >= 0.50)%n", (double) scanNanos / parseNanos);
        System.out.printf("  heap in use after: %d MB of max %d MB%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static long scan(InputStream in) throws Exception {
        long tokens = 0;
        try (JsonParser p = PLAIN.createParser(in)) {
            while (p.nextToken() != null) tokens++;
        }
        return tokens;
    }

    private static int parse(InputStream in) throws Exception {
        int[] n = {0};
        new NvdParser().parse(in, "synthetic.json", new FeedSink() {
            @Override
            public void advisory(Advisory a) { n[0]++; }
        });
        return n[0];
    }
}
