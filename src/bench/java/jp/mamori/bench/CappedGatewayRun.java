package jp.mamori.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.SigmaRules;

/**
 * P5's heap target as a fact rather than a sample: the same gateway run (parse + every rule) in a
 * JVM of its own whose heap is capped (LogBench starts it with -Xmx512m). If the rules' state for a
 * million sessions did not fit, this run would end in OutOfMemoryError, not in a figure.
 * Prints one line: {@code lines sessions nanos keptBytes}.
 */
public final class CappedGatewayRun {
    private CappedGatewayRun() { }

    public static void main(String[] args) throws Exception {
        Path gateway = Path.of(args[0]);
        String name = gateway.getFileName().toString();
        DetectionEngine engine = new DetectionEngine(DetectionPolicy.defaults(), SigmaRules.shipped(), d -> { });
        DetectionEngine.Device device = new DetectionEngine.Device("bench-gw", false, List.of());
        long t0 = System.nanoTime();
        LogReader.Report r;
        try (InputStream in = Files.newInputStream(gateway)) {
            r = new LogReader().read(in, new LogReader.Options(LogSource.NETSCALER, null, ZoneId.of("Asia/Tokyo"), Instant.parse("2026-12-01T00:00:00Z"), 0),
                    ev -> engine.accept(ev, name, device));
        }
        long nanos = System.nanoTime() - t0;
        for (int i = 0; i < 3; i++) System.gc();
        long kept = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%d %d %d %d%n", r.lines(), engine.activeSessions(), nanos, kept);
        if (engine.events() < 0) System.out.println();
    }
}
