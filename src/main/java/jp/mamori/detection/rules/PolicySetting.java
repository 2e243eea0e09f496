package jp.mamori.detection.rules;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thresholds and windows an organisation may set for itself (issue 15: per-organisation
 * policy), with the same names, units and bounds as in {@code detection.yaml}, which reads them
 * through here too — so that a value refused in the file is refused on the web and in the CLI, and
 * the other way round. A value is kept as a number (bytes, a count or seconds); text is what a
 * person types ({@code 100MB}, {@code 30}, {@code 15m}).
 */
public enum PolicySetting {
    /** At most 1 TiB an hour: a threshold above what any municipal line carries would switch the rule off unnoticed. */
    UPLOAD_BYTES_PER_HOUR("upload-bytes-per-hour", Unit.SIZE, 1, 1024L * 1024 * 1024 * 1024),
    UPLOAD_REQUESTS_PER_HOUR("upload-requests-per-hour", Unit.COUNT, 1, 1_000_000),
    CONCURRENT_WINDOW("concurrent-window", Unit.DURATION, 60, 86_400),
    SESSION_IDLE("session-idle", Unit.DURATION, 300, 7 * 86_400),
    INCIDENT_WINDOW("incident-window", Unit.DURATION, 3_600, 30 * 86_400);

    enum Unit { SIZE, COUNT, DURATION }

    private static final Pattern SIZE = Pattern.compile("(?i)^\\s*(\\d{1,15})\\s*(b|kb|kib|mb|mib|gb|gib)?\\s*$");
    private static final Pattern COUNT = Pattern.compile("^\\s*(\\d{1,9})\\s*$");
    private static final Pattern DURATION = Pattern.compile("(?i)^\\s*(\\d{1,9})\\s*(s|m|min|h|d)\\s*$");

    private final String key;
    private final Unit unit;
    private final long min;
    private final long max;

    PolicySetting(String key, Unit unit, long min, long max) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    public String key() { return key; }

    public static PolicySetting fromKey(String k) {
        String s = k == null ? "" : k.strip().toLowerCase(Locale.ROOT);
        for (PolicySetting p : values()) if (p.key.equals(s)) return p;
        StringBuilder known = new StringBuilder();
        for (PolicySetting p : values()) known.append(known.length() == 0 ? "" : " | ").append(p.key);
        throw new IllegalArgumentException("設定項目が不正です / unknown setting '" + k + "' (" + known + ")");
    }

    /**
     * The number a person's text means; the message of a refusal says what is expected, in Japanese
     * and English, without the setting's name (the caller adds the file, field or key).
     */
    public long parse(String text) {
        return switch (unit) {
            case SIZE -> size(text);
            case COUNT -> count(text);
            case DURATION -> duration(text);
        };
    }

    /** The text for a value: {@code 100MB}, {@code 30}, {@code 15m}. */
    public String format(long v) {
        return switch (unit) {
            case SIZE -> v % (1024L * 1024 * 1024) == 0 ? v / (1024L * 1024 * 1024) + "GB"
                    : v % (1024L * 1024) == 0 ? v / (1024L * 1024) + "MB" : v % 1024 == 0 ? v / 1024 + "KB" : v + "B";
            case COUNT -> Long.toString(v);
            case DURATION -> text(Duration.ofSeconds(v));
        };
    }

    /** This setting in thresholds. */
    public long of(DetectionPolicy.Thresholds t) {
        return switch (this) {
            case UPLOAD_BYTES_PER_HOUR -> t.uploadBytesPerHour();
            case UPLOAD_REQUESTS_PER_HOUR -> t.uploadRequestsPerHour();
            case CONCURRENT_WINDOW -> t.concurrentWindow().toSeconds();
            case SESSION_IDLE -> t.sessionIdle().toSeconds();
            case INCIDENT_WINDOW -> t.incidentWindow().toSeconds();
        };
    }

    /** The thresholds with an organisation's own values in place of the file's (or the defaults). */
    public static DetectionPolicy.Thresholds apply(DetectionPolicy.Thresholds t, Map<PolicySetting, Long> own) {
        if (own == null || own.isEmpty()) return t;
        Map<PolicySetting, Long> v = new EnumMap<>(PolicySetting.class);
        for (PolicySetting p : values()) v.put(p, own.getOrDefault(p, p.of(t)));
        return new DetectionPolicy.Thresholds(v.get(UPLOAD_BYTES_PER_HOUR), (int) (long) v.get(UPLOAD_REQUESTS_PER_HOUR),
                Duration.ofSeconds(v.get(CONCURRENT_WINDOW)), Duration.ofSeconds(v.get(SESSION_IDLE)), t.workStartHour(), t.workEndHour(),
                Duration.ofSeconds(v.get(INCIDENT_WINDOW)));
    }

    private long size(String text) {
        Matcher m = text == null ? null : SIZE.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("バイト数か 100MB のようなサイズを書いてください（B, KB, MB, GB） / expected a number of bytes or a size such as 100MB (B, KB, MB, GB)");
        }
        long n = Long.parseLong(m.group(1));
        String u = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long mult = switch (u) {
            case "kb", "kib" -> 1024L;
            case "mb", "mib" -> 1024L * 1024;
            case "gb", "gib" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (n <= 0) throw new IllegalArgumentException("1 バイト以上の妥当な大きさにしてください / must be a positive size");
        if (n > max / mult) throw new IllegalArgumentException(format(max) + " までにしてください / must be at most " + format(max));
        return n * mult;
    }

    private long count(String text) {
        Matcher m = text == null ? null : COUNT.matcher(text);
        long n = m != null && m.matches() ? Long.parseLong(m.group(1)) : -1;
        if (n < min || n > max) {
            throw new IllegalArgumentException(min + " から " + max + " までの整数を書いてください / expected a whole number from " + min + " to " + max);
        }
        return n;
    }

    private long duration(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("15m、2h、1d のような長さを書いてください（s, m, h, d） / expected a duration such as 15m, 2h or 1d (s, m, h, d)");
        }
        long n = Long.parseLong(m.group(1));
        long s = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "s" -> n;
            case "m", "min" -> n * 60;
            case "h" -> n * 3_600;
            default -> n * 86_400;
        };
        if (s < min || s > max) {
            String lo = text(Duration.ofSeconds(min)), hi = text(Duration.ofSeconds(max));
            throw new IllegalArgumentException(lo + " から " + hi + " までにしてください / must be from " + lo + " to " + hi);
        }
        return s;
    }

    static String text(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) return d.toDays() + "d";
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) return d.toHours() + "h";
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) return d.toMinutes() + "m";
        return d.toSeconds() + "s";
    }
}
