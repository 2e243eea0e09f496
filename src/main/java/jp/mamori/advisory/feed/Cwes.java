package jp.mamori.advisory.feed;

/** CWE identifiers as the feeds write them. */
public final class Cwes {
    private Cwes() { }

    /**
     * The leading {@code CWE-<digits>} of a text ("CWE-79", "CWE-79 Improper Neutralization..."),
     * upper-cased; null when the text does not start with one. NVD's placeholders "NVD-CWE-Other"
     * and "NVD-CWE-noinfo" are therefore null: they say "no specific weakness", not a weakness.
     */
    public static String leadingId(String text) {
        if (text == null) return null;
        String s = text.trim();
        if (s.length() < 5 || !s.regionMatches(true, 0, "CWE-", 0, 4)) return null;
        int end = 4;
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        if (end == 4) return null;
        if (end == s.length() && s.startsWith("CWE-")) return s; // already exactly an id
        return "CWE-" + s.substring(4, end);
    }
}
