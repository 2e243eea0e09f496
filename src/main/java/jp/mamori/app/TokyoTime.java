package jp.mamori.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as a Japanese reader reads them, in one place for every command's tables and JSON (issue 12):
 * Asia/Tokyo with the offset written out, so that nobody takes a time for UTC and a script can parse it
 * back to the stored instant. Japan keeps no daylight saving, so the offset is always +09:00.
 */
public final class TokyoTime {
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(TOKYO);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(TOKYO);

    private TokyoTime() { }

    /** "2026-12-03 09:15 +09:00" for a table; "-" for none. */
    public static String table(Instant t) {
        return t == null ? "-" : MINUTES.format(t);
    }

    /** "2026-12-03 09:15:05 +09:00" where the second matters (audit, logs, detections); "-" for none. */
    public static String seconds(Instant t) {
        return t == null ? "-" : SECONDS.format(t);
    }

    /** ISO-8601 with the offset, "2026-12-03T09:15:05+09:00" (fractions kept when stored), for JSON; null for none. */
    public static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(TOKYO).toOffsetDateTime());
    }
}
