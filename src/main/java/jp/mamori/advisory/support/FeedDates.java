package jp.mamori.advisory.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;

/**
 * Timestamps as feeds write them: ISO 8601 with or without seconds, fraction or offset
 * (MyJVN writes {@code 2025-04-11T23:52+09:00}), or a bare date. A value without an offset is
 * read in the zone the feed is published in (JST for JVN, UTC otherwise).
 */
public final class FeedDates {
    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    public static final ZoneId UTC = ZoneId.of("UTC");

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter();

    private FeedDates() { }

    /**
     * @return the instant, or null for a null/blank value
     * @throws DateTimeException the value is not a date
     */
    public static Instant parse(String value, ZoneId defaultZone) {
        if (value == null || value.isBlank()) return null;
        TemporalAccessor t = FORMAT.parseBest(value.trim(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (t instanceof OffsetDateTime odt) return odt.toInstant();
        if (t instanceof LocalDateTime ldt) return ldt.atZone(defaultZone).toInstant();
        return ((LocalDate) t).atStartOfDay(defaultZone).toInstant();
    }
}
