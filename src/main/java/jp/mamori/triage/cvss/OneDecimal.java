package jp.mamori.triage.cvss;

import java.util.Locale;
import jp.mamori.memo.BoundedMemo;

/**
 * A number with one decimal as every triage text writes it ({@code %.1f}, root locale), kept by
 * value: each triaged vulnerability's reason and explanation format a few scores, the same few
 * hundred values over and over, and {@code String.format} made a third of triage's garbage.
 */
public final class OneDecimal {
    private static final BoundedMemo<Double, String> TEXT = new BoundedMemo<>(10_000, v -> String.format(Locale.ROOT, "%.1f", v));

    private OneDecimal() { }

    public static String of(double value) {
        return TEXT.get(value);
    }
}
