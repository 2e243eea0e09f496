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

    /** Whether a text has Japanese in it; text without is a source's own English, marked {@code lang="en"} on the page. */
    public boolean isJapanese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
    }

    // a decision's history line: "回避策を適用 / apply a mitigation: <reason> [2026-12-19] 承認 / approved by tanaka"
    private static final java.util.regex.Pattern DECISION_EVENT =
            java.util.regex.Pattern.compile("([^/]*\\P{ASCII}[^/]*?) / ([a-z][a-z -]*): (.*)", java.util.regex.Pattern.DOTALL);

    /**
     * A finding's history detail in the reader's language. A decision's line keeps the reason as it was
     * typed (it is the person's own words) and shows the action and "approved by" in one language; any
     * other line written "日本語 / English" is {@link #said}.
     */
    public String historyDetail(String detail) {
        if (detail == null) return null;
        boolean en = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        java.util.regex.Matcher m = DECISION_EVENT.matcher(detail);
        if (m.matches()) {
            String rest = m.group(3).replace(" 承認 / approved by ", en ? " approved by " : " 承認: ");
            return (en ? m.group(2) : m.group(1)) + ": " + rest;
        }
        return said(detail);
    }

    public String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / 1024.0 / 1024.0);
    }
}
