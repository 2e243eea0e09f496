package jp.mamori.triage.cvss;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A number with one decimal as every triage text writes it ({@code %.1f}, root locale), kept by
 * value: each triaged vulnerability's reason and explanation format a few scores, the same few
 * hundred values over and over, and {@code String.format} made a third of triage's garbage.
 * Bounded: emptied when full.
 */
public final class OneDecimal {
    private static final int MAX_CACHED = 10_000;
    private static final Map<Double, String> TEXT = new ConcurrentHashMap<>();

    private OneDecimal() { }

    public static String of(double value) {
        Double key = value;
        String s = TEXT.get(key);
        if (s != null) return s;
        s = String.format(Locale.ROOT, "%.1f", value);
        if (TEXT.size() >= MAX_CACHED) TEXT.clear();
        TEXT.put(key, s);
        return s;
    }
}
