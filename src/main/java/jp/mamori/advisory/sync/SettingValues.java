package jp.mamori.advisory.sync;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing and range checks shared by the per-source settings; every message names the file key. */
final class SettingValues {
    private SettingValues() { }

    static int range(String key, int v, int min, int max) {
        if (v < min || v > max) throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + v);
        return v;
    }

    static Duration nonNegative(String key, Duration d) {
        if (d == null || d.isNegative()) throw new IllegalArgumentException(key + " must not be negative");
        return d;
    }

    static Duration positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(key + " must be positive");
        return d;
    }

    static int integer(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": invalid value '" + v + "'", e);
        }
    }

    static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
        return List.copyOf(out);
    }

    static Duration duration(String key, String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) return Duration.parse(v.toUpperCase(Locale.ROOT));
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
            if (v.endsWith("m")) return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 60));
            if (v.endsWith("h")) return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 3600));
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": not a duration: '" + s + "' (use e.g. 600ms, 6s, 2m or PT6S)");
        }
    }

    static URI url(String key, String v) {
        try {
            URI u = URI.create(v);
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https")) || u.getHost() == null) {
                throw new IllegalArgumentException(key + ": expected an http(s) URL, got '" + v + "'");
            }
            return u;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(key)) throw e;
            throw new IllegalArgumentException(key + ": not a URL: '" + v + "'", e);
        }
    }

    static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("unknown setting '" + key + "'");
    }
}
