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

    private static boolean hasZone(String s) {
        char last = s.charAt(s.length() - 1);
        if (last == 'Z' || last == 'z') return true;
        // an offset such as +09:00 or -05:00 after the time part
        int t = s.indexOf('T');
        if (t < 0) return false;
        return s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0;
    }
}
