package jp.mamori.web.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import jp.mamori.app.TokyoTime;
import org.springframework.stereotype.Component;

/** Formatting for templates ({@code ${@fmt...}}): dates in Asia/Tokyo, CSS classes for outcomes and severities. */
@Component("fmt")
public class Fmt {

    /** Dates as ISO days; times come from {@link TokyoTime}, the CLI's formatter, so a page and a command print the same. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Clock clock;

    public Fmt(Clock webClock) {
        this.clock = webClock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WebSetup.TOKYO));
    }

    /** "2026-12-03 09:15 +09:00", as the CLI prints it. */
    public String dateTime(Instant t) {
        return TokyoTime.table(t);
    }

    /** To the second, for log timelines (Asia/Tokyo). */
    public String seconds(Instant t) {
        return TokyoTime.seconds(t);
    }

    public String dateTime(String iso) {
        if (iso == null || iso.isBlank()) return "-";
        try {
            return TokyoTime.table(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    public String date(LocalDate d) {
        return d == null ? "-" : DATE.format(d);
    }

    /** Days from today (Tokyo) to the due date; negative when overdue. */
    public long daysLeft(LocalDate due) {
        return due == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(today(), due);
    }

    public long daysLeft(String due) {
        if (due == null || due.isBlank()) return Long.MAX_VALUE;
        return daysLeft(LocalDate.parse(due));
    }

    /** "act", "attend", "track-star", "track" → a CSS class; anything else "none". */
    public String outcomeClass(String outcome) {
        if (outcome == null) return "o-none";
        return switch (outcome.toLowerCase(Locale.ROOT)) {
            case "act" -> "o-act";
            case "attend" -> "o-attend";
            case "track-star", "track*" -> "o-trackstar";
            case "track" -> "o-track";
            default -> "o-none";
        };
    }

    /** The message key of an outcome ("Track*" and "track-star" alike). */
    public String outcomeKey(String outcome) {
        if (outcome == null) return "none";
        String k = outcome.toLowerCase(Locale.ROOT);
        return k.equals("track*") ? "track-star" : k;
    }

    public String lower(String s) {
        return s == null ? "none" : s.toLowerCase(Locale.ROOT);
    }

    public String score(Object score) {
        if (score == null) return "-";
        if (score instanceof Number n) return String.format(Locale.ROOT, "%.1f", n.doubleValue());
        return score.toString();
    }

    public String percent(Object p) {
        if (!(p instanceof Number n)) return "-";
        return String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100);
    }

    /**
     * A message written "日本語 / English" (the core's and the parsers' convention) in the reader's
     * language: the Japanese part on Japanese pages, the English part (after any "file: " prefix
     * the Japanese part started with) on English pages. A message without that shape is shown whole.
     */
    public String said(String message) {
        return Bilingual.pick(message, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    public String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / 1024.0 / 1024.0);
    }
}
