package jp.mamori.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a cold {@code mamori scan} spends its time, printed on stderr when {@code MAMORI_TIMINGS}
 * is set (the benchmark sets it for one cold run; issue 16): the measure to cut start-up by is the
 * process's own split, not a guess. Off by default, so the output stays as it is.
 */
final class ScanTimings {

    private final boolean on = System.getenv("MAMORI_TIMINGS") != null;
    private final List<String> phases = new ArrayList<>();
    private long last = System.nanoTime();
    private volatile long openNanos = -1;

    ScanTimings() {
        if (!on) return;
        // From the JVM's start to this command: class loading, the command line. Not the process's
        // start: Linux gives it from the boot time in whole seconds, which made this figure up to a
        // second too long.
        long startMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        if (startMillis > 0) phases.add(String.format(Locale.ROOT, "start-up %.2f s", (System.currentTimeMillis() - startMillis) / 1e3));
    }

    /** Ends the phase called {@code name}. */
    void mark(String name) {
        if (!on) return;
        long now = System.nanoTime();
        phases.add(String.format(Locale.ROOT, "%s %.2f s", name, (now - last) / 1e9));
        last = now;
    }

    /** How long the database and index took to open beside the SBOM read. */
    void opened(long nanos) {
        openNanos = nanos;
    }

    void print() {
        if (!on) return;
        String open = openNanos < 0 ? "" : String.format(Locale.ROOT, " (database and index opened in %.2f s beside the SBOM read)", openNanos / 1e9);
        System.err.println("所要時間 / timings: " + String.join(", ", phases) + open);
    }
}
