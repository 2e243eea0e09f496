package jp.mamori.inventory.sbom;

/**
 * One warning of an SBOM accepted with warnings, in its parts: where in the document (a JSON pointer,
 * an XML line/column, or null for the document as a whole), what in Japanese, and the same in English.
 *
 * <p>Readers write a warning as one line, {@code PLACE: 日本語 / English} ({@link #text}); it is stored and
 * shown so. {@link #parse} takes such a line (also one stored before every reader wrote that form) apart
 * for the API.
 *
 * @param ja what, in Japanese (for a line with only one language, that line)
 * @param en the same in English (for a line with only one language, that line)
 */
public record SbomWarning(String place, String ja, String en) {

    /** The line a reader writes: {@code PLACE: ja / en}, or {@code ja / en} when the whole document is meant. */
    public static String text(String place, String ja, String en) {
        return (place == null || place.isBlank() ? "" : place + ": ") + ja + " / " + en;
    }

    /**
     * A warning line taken apart: the place is what precedes the first ": " when the line begins like a
     * place the readers write (a JSON pointer "/…", "line N, column M", "element /…"); the Japanese is what
     * precedes the first " / " after it, the English the rest.
     */
    public static SbomWarning parse(String line) {
        String s = line == null ? "" : line.strip();
        String place = null;
        int colon = s.indexOf(": ");
        if (colon > 0 && (s.startsWith("/") || s.startsWith("line ") || s.startsWith("element "))) {
            place = s.substring(0, colon);
            s = s.substring(colon + 2);
        }
        int slash = s.indexOf(" / ");
        if (slash < 0) return new SbomWarning(place, s, s);
        return new SbomWarning(place, s.substring(0, slash), s.substring(slash + 3));
    }
}
