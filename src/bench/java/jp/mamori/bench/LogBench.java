package jp.mamori.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import jp.mamori.detection.logs.BoundedLines;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.SigmaRules;
import jp.mamori.detection.sample.SyntheticLogs;

/**
 * P5 (issue 15): lines per second for parse + every rule on a generated gateway log (one million
 * sessions that stay active) and a generated proxy log, against merely reading and splitting the
 * same lines with the JDK (BufferedReader.readLine + split on blanks) — the floor any parser pays;
 * and the heap: sampled peak during the run and what the rules' state keeps after a GC with every
 * session still active. One thread, so the figure is per core.
 */
public final class LogBench {
    private LogBench() { }

    public static final double TARGET_LINES_PER_CORE = 250_000;
    public static final long TARGET_HEAP_MB = 512;

    public static void run(Path work, int sessions, int activity, long proxyLines, Figures figures) throws IOException {
        Path dir = work.resolve("p5");
        Files.createDirectories(dir);
        Instant start = Instant.parse("2026-11-24T00:00:00Z");
        Path gateway = dir.resolve("ns-" + sessions + "x" + activity + ".log");
        Path proxy = dir.resolve("squid-" + proxyLines + ".log");
        long t0 = System.nanoTime();
        if (!Files.exists(gateway)) {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(gateway, StandardCharsets.UTF_8), 1 << 16)) {
                SyntheticLogs.gatewayStream(w, sessions, activity, start);
            }
        }
        if (!Files.exists(proxy)) {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(proxy, StandardCharsets.UTF_8), 1 << 16)) {
                SyntheticLogs.proxyStream(w, proxyLines, 20_000, start);
            }
        }
        System.out.printf(Locale.ROOT, "P5 logs: gateway %s (%,d MB), proxy %s (%,d MB), ready in %.1f s%n", gateway.getFileName(), Files.size(gateway) >> 20,
                proxy.getFileName(), Files.size(proxy) >> 20, (System.nanoTime() - t0) / 1e9);

        DetectionPolicy policy = DetectionPolicy.defaults();
        DetectionEngine.Device device = new DetectionEngine.Device("bench-gw", false, List.of());
        long[] detections = new long[1];
        DetectionEngine engine = new DetectionEngine(policy, SigmaRules.shipped(), d -> detections[0]++);
        // warm-up on the first part of each file, so that the JIT's start is not in the figure
        warmUp(gateway, LogSource.NETSCALER, null);
        warmUp(proxy, LogSource.SQUID, SyntheticLogs.SQUID_FORMAT);

        Measured gwSplit = split(gateway);
        Measured gwLines = boundedLines(gateway);
        Measured gwParse = parse(gateway, LogSource.NETSCALER, null, null, device);
        Measured gw;
        long retained;
        try (HeapSampler heap = new HeapSampler()) {
            gw = parse(gateway, LogSource.NETSCALER, null, engine, device);
            gw = new Measured(gw.lines(), gw.nanos(), heap.peakBytes());
        }
        int active = engine.activeSessions();
        retained = retainedBytes();
        report("gateway (NetScaler ns.log)", gw, gwParse, gwLines, gwSplit);
        System.out.printf(Locale.ROOT, "P5 gateway heap: peak %,d MB during the run; %,d MB kept after GC with %,d active sessions in the rules' state "
                + "(target <= %d MB for 1,000,000: %s)%n", gw.peak() >> 20, retained >> 20, active, TARGET_HEAP_MB,
                active >= 1_000_000 ? (Math.max(retained, 0) >> 20) <= TARGET_HEAP_MB ? "met" : "NOT met" : "not measured at this scale");

        Capped capped = capped(gateway);
        if (capped != null) {
            System.out.printf(Locale.ROOT, "P5 gateway with the heap capped at -Xmx512m (a JVM of its own, same lines): %s%n", capped.line());
            figures.info("P5 gateway run with -Xmx512m", capped.kept() >> 20, "MB kept", capped.error() == null ? "completed" : "failed: " + capped.error());
        }

        String scale = String.format(Locale.ROOT, "%,d lines", gw.lines());
        figures.add("P5 gateway parse + all rules (per core)", Figures.Goal.AT_LEAST, TARGET_LINES_PER_CORE, gw.perSecond(), "lines/s", scale);
        figures.info("P5 gateway / JDK readLine+split", gw.perSecond() / gwSplit.perSecond(), "", String.format(Locale.ROOT, "split %,.0f lines/s", gwSplit.perSecond()));
        if (active >= 1_000_000) {
            figures.add("P5 heap kept for 1,000,000 active sessions", Figures.Goal.AT_MOST, TARGET_HEAP_MB, retained >> 20, "MB",
                    String.format(Locale.ROOT, "peak %,d MB sampled", gw.peak() >> 20));
        } else {
            figures.info("P5 heap kept (sessions: " + active + ")", retained >> 20, "MB", "target is for 1,000,000 sessions");
        }
        Measured pxSplit = split(proxy);
        Measured pxLines = boundedLines(proxy);
        Measured pxParse = parse(proxy, LogSource.SQUID, SyntheticLogs.SQUID_FORMAT, null, device);
        Measured px;
        try (HeapSampler heap = new HeapSampler()) {
            px = parse(proxy, LogSource.SQUID, SyntheticLogs.SQUID_FORMAT, engine, DetectionEngine.Device.NONE);
            px = new Measured(px.lines(), px.nanos(), heap.peakBytes());
        }
        engine.finish();
        report("proxy (Squid, %>st format)", px, pxParse, pxLines, pxSplit);
        figures.add("P5 proxy parse + all rules (per core)", Figures.Goal.AT_LEAST, TARGET_LINES_PER_CORE, px.perSecond(), "lines/s",
                String.format(Locale.ROOT, "%,d lines", px.lines()));
        figures.info("P5 proxy / JDK readLine+split", px.perSecond() / pxSplit.perSecond(), "", String.format(Locale.ROOT, "split %,.0f lines/s", pxSplit.perSecond()));
        System.out.printf(Locale.ROOT, "P5 proxy heap: peak %,d MB during the run; %,d detections from both logs%n", px.peak() >> 20, detections[0]);
        double day = 30_000_000 / (px.lines() / (px.nanos() / 1e9));
        System.out.printf(Locale.ROOT, "P5 a prefecture's day of proxy log (30,000,000 lines) at this speed: %.1f min on one core%n", day / 60);
        // keep the engine reachable until here, so that the heap figure above is the state's
        if (engine.events() < 0) System.out.println();
    }

    /** The gateway run again in a JVM whose heap is capped at the target; null when the JVM cannot be started. */
    private static Capped capped(Path gateway) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + TARGET_HEAP_MB + "m", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                CappedGatewayRun.class.getName(), gateway.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit;
        try {
            exit = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        String[] f = out.split("\\s+");
        if (exit != 0 || f.length != 4) return new Capped(exit, 0, 0, 0, 0, out.lines().filter(l -> l.contains("Error")).findFirst().orElse(out));
        return new Capped(exit, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), null);
    }

    record Capped(int exit, long lines, long sessions, long nanos, long kept, String error) {
        String line() {
            if (error != null) return String.format(Locale.ROOT, "failed, exit %d: %s (target <= %d MB for 1,000,000: NOT met)", exit, error, TARGET_HEAP_MB);
            return String.format(Locale.ROOT, "%,d lines, %,d active sessions, %.2f s, %,d MB kept after GC (target <= %d MB for 1,000,000: %s)", lines, sessions,
                    nanos / 1e9, kept >> 20, TARGET_HEAP_MB, sessions >= 1_000_000 ? "met" : "not measured at this scale");
        }
    }

    record Measured(long lines, long nanos, long peak) {
        double perSecond() {
            return lines / (nanos / 1e9);
        }
    }

    private static void report(String what, Measured all, Measured parse, Measured lines, Measured split) {
        System.out.printf(Locale.ROOT, "P5 %s: %,d lines, parse + all rules %.2f s = %,.0f lines/s per core (target >= %,.0f: %s)%n", what, all.lines(),
                all.nanos() / 1e9, all.perSecond(), TARGET_LINES_PER_CORE, all.perSecond() >= TARGET_LINES_PER_CORE ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "    parse only %,.0f lines/s; bounded line reader only (UTF-8 check, caps) %,.0f lines/s; JDK readLine + split %,.0f lines/s"
                + " — ratio parse+rules / readLine+split = %.2f%n", parse.perSecond(), lines.perSecond(), split.perSecond(), all.perSecond() / split.perSecond());
    }

    private static void warmUp(Path file, LogSource source, String format) throws IOException {
        DetectionEngine e = new DetectionEngine(DetectionPolicy.defaults(), SigmaRules.shipped(), d -> { });
        try (InputStream in = new LimitedStream(Files.newInputStream(file), 64L << 20)) {
            new LogReader().read(in, options(source, format), ev -> e.accept(ev, "warm-up", DetectionEngine.Device.NONE));
        }
    }

    private static LogReader.Options options(LogSource source, String format) {
        return new LogReader.Options(source, format, ZoneId.of("Asia/Tokyo"), Instant.parse("2026-12-01T00:00:00Z"), 0);
    }

    private static Measured parse(Path file, LogSource source, String format, DetectionEngine engine, DetectionEngine.Device device) throws IOException {
        long t0 = System.nanoTime();
        LogReader.Report r;
        long[] n = new long[1];
        // One name for the whole file, as the import passes it (ImportLogs: the input's display name).
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            r = new LogReader().read(in, options(source, format), engine == null ? ev -> n[0]++ : ev -> engine.accept(ev, name, device));
        }
        if (r.rejectedCount() > 0) throw new IllegalStateException(file + ": " + r.rejectedCount() + " lines rejected, first " + r.rejected().get(0));
        return new Measured(r.lines(), System.nanoTime() - t0, 0);
    }

    private static Measured boundedLines(Path file) throws IOException {
        long t0 = System.nanoTime();
        long[] chars = new long[1];
        long lines;
        try (InputStream in = Files.newInputStream(file)) {
            lines = new BoundedLines().read(in, new BoundedLines.Sink() {
                @Override public void line(long lineNo, String line) { chars[0] += line.length(); }
                @Override public void rejected(long lineNo, String reason) { }
            });
        }
        if (chars[0] == 0) throw new IllegalStateException("no text");
        return new Measured(lines, System.nanoTime() - t0, 0);
    }

    private static Measured split(Path file) throws IOException {
        long t0 = System.nanoTime();
        long lines = 0, fields = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            while ((l = r.readLine()) != null) {
                lines++;
                fields += l.split(" +").length;
            }
        }
        if (fields == 0) throw new IllegalStateException("no fields");
        return new Measured(lines, System.nanoTime() - t0, 0);
    }

    private static long retainedBytes() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The first bytes of a stream, cut at a line end so that the warm-up reads whole lines. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;
        private boolean cut;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (cut) return -1;
            int b = super.read();
            if (left-- <= 0 && b == '\n') cut = true;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (cut) return -1;
            int n = super.read(b, off, len);
            if (n <= 0) return n;
            left -= n;
            if (left <= 0) {
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        cut = true;
                        return i - off + 1;
                    }
                }
            }
            return n;
        }
    }
}
