package jp.mamori.web.support;

import java.util.Locale;

/**
 * Picks one language out of a message written "日本語 / English": the core, the parsers and the
 * use cases give both (the CLI prints both); a page shows the reader's language only.
 */
public final class Bilingual {
    private static final String SEPARATOR = " / ";

    private Bilingual() { }

    public static String pick(String message, Locale locale) {
        if (message == null) return null;
        // the first separator after which the text is English (it may quote a Japanese header or two)
        for (int at = message.indexOf(SEPARATOR); at > 0; at = message.indexOf(SEPARATOR, at + 1)) {
            String ja = message.substring(0, at);
            String en = message.substring(at + SEPARATOR.length());
            if (hasNonAscii(ja) && endsJapanese(ja) && !en.isEmpty() && en.charAt(0) < 0x80 && mostlyAscii(en)) {
                if (locale == null || !"en".equals(locale.getLanguage())) return ja;
                return prefix(ja) + en;
            }
        }
        return message;
    }

    /** "file.csv (row 3): 日本語" → "file.csv (row 3): ", so the English part names the place too. */
    private static String prefix(String ja) {
        int first = 0;
        while (first < ja.length() && ja.charAt(first) < 0x80) first++;
        int colon = ja.lastIndexOf(": ", first);
        return colon < 0 ? "" : ja.substring(0, colon + 2);
    }

    private static boolean hasNonAscii(String s) {
        return s.chars().anyMatch(c -> c >= 0x80);
    }

    /** English may quote Japanese headers; the split is where the rest is still mostly ASCII. */
    private static boolean mostlyAscii(String s) {
        long other = s.chars().filter(c -> c >= 0x80).count();
        return other * 100 < s.length() * 40L;
    }

    /** The Japanese part ends in Japanese (or a closing bracket): "…(Supplier / Version" is the middle of English. */
    private static boolean endsJapanese(String ja) {
        char last = ja.charAt(ja.length() - 1);
        return last >= 0x80 || last == ')' || last == '）' || last == '」';
    }
}
