package jp.mamori.advisory.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as the feeds write them. NVD writes local-less {@code 2023-10-10T14:15:10.130}, which
 * NVD documents as UTC; CVE 5 writes both zoned and local-less forms; OSV writes RFC 3339; KEV
 * and EPSS write plain dates. Everything without a zone is read as UTC.
 */
public final class Timestamps {
    private Timestamps() { }

    /** Parses any of the forms above; null for null. */
    public static Instant parse(String text) {
        if (text == null) return null;
        String s = text.trim();
        Instant fast = fast(s);
        if (fast != null) return fast;
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (hasZone(s)) return OffsetDateTime.parse(s).toInstant();
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }

    /** The date part of a date or timestamp ({@code 2025-08-25T12:55:00Z} gives 2025-08-25). */
    public static LocalDate date(String text) {
        if (text == null) return null;
        String s = text.trim();
        if (s.length() == 10) return LocalDate.parse(s);
        return parse(s).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** True when {@link #parse} accepts the text. */
    public static boolean valid(String text) {
        try {
            parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The common shapes {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z]} read digit by digit: NVD-scale
     * imports parse two timestamps per record and the general java.time parser is the slow part.
     * Anything else (offsets, odd lengths) returns null and goes through java.time.
     */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
        int end = s.charAt(n - 1) == 'Z' ? n - 1 : n;
        int nanos = 0;
        if (end > 19) {
            if (s.charAt(19) != '.' || end - 20 < 1 || end - 20 > 9) return null;
            int scale = 100_000_000;
            for (int i = 20; i < end; i++, scale /= 10) {
                int d = s.charAt(i) - '0';
                if (d < 0 || d > 9) return null;
                nanos += d * scale;
            }
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) return null;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), s, 0, e);
        }
    }

    /** The decimal number in s[from, to), or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean hasZone(String s) {
        char last = s.charAt(s.length() - 1);
        if (last == 'Z' || last == 'z') return true;
        // an offset such as +09:00 or -05:00 after the time part
        int t = s.indexOf('T');
        if (t < 0) return false;
        return s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
    }
}
