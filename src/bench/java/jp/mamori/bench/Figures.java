package jp.mamori.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's closing table (issue 16): for every figure its target, the measured value and
 * the ratio measured / target, in one run, so that what is met and what is not is read in one place.
 */
public final class Figures {

    /** Whether a smaller or a larger measured value is better. */
    public enum Goal { AT_MOST, AT_LEAST }

    private record Row(String figure, Goal goal, double target, double measured, String unit, String note) {
        boolean met() {
            return goal == Goal.AT_MOST ? measured <= target : measured >= target;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(String figure, Goal goal, double target, double measured, String unit, String note) {
        rows.add(new Row(figure, goal, target, measured, unit, note == null ? "" : note));
    }

    /** A figure without a target (shown for information). */
    public void info(String figure, double measured, String unit, String note) {
        rows.add(new Row(figure, null, Double.NaN, measured, unit, note == null ? "" : note));
    }

    public void print(PrintStream out) {
        if (rows.isEmpty()) return;
        out.println();
        out.println("Summary (target, measured, ratio measured/target):");
        out.printf(Locale.ROOT, "  %-44s %-14s %-14s %-7s %-8s %s%n", "figure", "target", "measured", "ratio", "met", "note");
        for (Row r : rows) {
            String target = r.goal() == null ? "-" : (r.goal() == Goal.AT_MOST ? "<= " : ">= ") + num(r.target()) + " " + r.unit();
            String ratio = r.goal() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.measured() / r.target());
            String met = r.goal() == null ? "-" : r.met() ? "yes" : "NO";
            out.printf(Locale.ROOT, "  %-44s %-14s %-14s %-7s %-8s %s%n", r.figure(), target, num(r.measured()) + " " + r.unit(), ratio, met, r.note());
        }
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) >= 10) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
