package jp.mamori.detection.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The time forms of the formats, read in the source's zone unless the line names one (GMT, Z,
 * an offset). Syslog dates without a year get the year that puts them closest before the file's
 * reference time, so that a December line read in January is last year's.
 */
public final class Timestamps {

    private final ZoneId zone;
    private final Instant reference;
    /** NetScaler: true once a line showed day-first (day above 12); ambiguous dates follow the last order seen. */
    private boolean dayFirst;

    public Timestamps(ZoneId zone, Instant reference) {
        this.zone = zone;
        this.reference = reference;
    }

    public ZoneId zone() { return zone; }

    static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** {@code 09/09/2024:20:46:07} at {@code at} (month-first or day-first), in UTC when {@code gmt}. */
    public Instant netscaler(String s, int at, boolean gmt) throws MalformedLineException {
        int a = num(s, at, 2), b = num(s, at + 3, 2), y = num(s, at + 6, 4);
        int h = num(s, at + 11, 2), mi = num(s, at + 14, 2), se = num(s, at + 17, 2);
        if (a < 0 || b < 0 || y < 0 || h < 0 || mi < 0 || se < 0) throw new MalformedLineException("時刻を読めません / unreadable time");
        int month, day;
        if (a > 12) { dayFirst = true; day = a; month = b; }
        else if (b > 12) { dayFirst = false; month = a; day = b; }
        else if (dayFirst) { day = a; month = b; }
        else { month = a; day = b; }
        return of(y, month, day, h, mi, se, 0, gmt ? ZoneOffset.UTC : zone);
    }

    // The last second converted: a log has many lines in one second, and the zone rules were a
    // twentieth of a gateway import (P5). Only a valid time is kept, so errors are raised as before.
    private int lastY = -1, lastMonth, lastDay, lastH, lastMi, lastSe, lastNanos;
    private ZoneId lastZone;
    private Instant lastInstant;

    public Instant of(int y, int month, int day, int h, int mi, int se, int nanos, ZoneId z) throws MalformedLineException {
        if (y == lastY && se == lastSe && mi == lastMi && h == lastH && day == lastDay && month == lastMonth && nanos == lastNanos && z.equals(lastZone)) {
            return lastInstant;
        }
        try {
            Instant t = LocalDateTime.of(y, month, day, h, mi, se, nanos).atZone(z).toInstant();
            lastY = y; lastMonth = month; lastDay = day; lastH = h; lastMi = mi; lastSe = se; lastNanos = nanos; lastZone = z; lastInstant = t;
            return t;
        } catch (DateTimeException e) {
            throw new MalformedLineException("時刻が不正です / invalid time: " + e.getMessage());
        }
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    public static int month(String name) {
        String m = name.length() >= 3 ? name.substring(0, 3).toLowerCase(Locale.ROOT) : name;
        for (int i = 0; i < 12; i++) if (MONTHS[i].equals(m)) return i + 1;
        return -1;
    }

    /** BSD syslog {@code Oct 19 09:16:53} (no year): the year that puts it at most ~11 months before the reference. */
    public Instant syslog(int month, int day, int h, int mi, int se) throws MalformedLineException {
        int year = reference.atZone(zone).getYear();
        Instant t = of(year, month, day, h, mi, se, 0, zone);
        if (t.isAfter(reference.plusSeconds(2 * 86400))) t = of(year - 1, month, day, h, mi, se, 0, zone);
        return t;
    }

    /** ISO 8601 / RFC 3339 with or without offset ({@code 2025-01-12T21:06:37Z}, {@code 2021-12-31 08:08:08}). */
    public Instant iso(String s) throws MalformedLineException {
        String t = s.strip().replace(' ', 'T');
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return java.time.OffsetDateTime.parse(t.length() > 5 && t.charAt(t.length() - 3) != ':' && !t.endsWith("Z")
                        ? t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2) : t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedLineException("時刻を読めません / unreadable time '" + clip(s) + "'");
        }
    }

    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    /** {@code Fri Dec 31 07:07:07 2021} (Zscaler). */
    public Instant ctime(String s) throws MalformedLineException {
        try {
            return ZonedDateTime.of(LocalDateTime.parse(s.strip().replaceAll("\\s+", " "), CTIME), zone).toInstant();
        } catch (DateTimeParseException e) {
            return iso(s);
        }
    }

    /** Seconds since the epoch with a fraction ({@code 1157689312.049}). */
    public static Instant epoch(String s) throws MalformedLineException {
        try {
            int dot = s.indexOf('.');
            if (dot < 0) return Instant.ofEpochSecond(Long.parseLong(s));
            String frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
            return Instant.ofEpochSecond(Long.parseLong(s.substring(0, dot)), Long.parseLong(frac));
        } catch (NumberFormatException e) {
            throw new MalformedLineException("時刻を読めません / unreadable epoch time '" + clip(s) + "'");
        }
    }

    /** Apache {@code [10/Oct/2000:13:55:36 -0700]} (brackets optional). */
    public Instant apache(String s) throws MalformedLineException {
        String t = s.startsWith("[") ? s.substring(1, s.length() - (s.endsWith("]") ? 1 : 0)) : s;
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedLineException("時刻を読めません / unreadable time '" + clip(s) + "'");
        }
    }

    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
