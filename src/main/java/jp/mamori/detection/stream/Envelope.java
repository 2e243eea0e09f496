package jp.mamori.detection.stream;

/**
 * A line after the first step of the topology, keyed by organisation for the repartition: where it
 * came from, its number and text, or the end of an input. Fields are separated by U+001F; the line
 * itself is last, so it may contain anything.
 */
record Envelope(boolean end, String asset, String source, String format, String file, long line, String text) {

    private static final char SEP = '\u001f';
    private static final String END = "end";

    static Envelope endOfInput() {
        return new Envelope(true, null, null, null, null, 0, null);
    }

    String encode() {
        if (end) return END;
        return "1" + SEP + nz(asset) + SEP + source + SEP + nz(format) + SEP + file + SEP + line + SEP + text;
    }

    static Envelope decode(String s) {
        if (END.equals(s)) return endOfInput();
        String[] p = s.split(String.valueOf(SEP), 7);
        if (p.length != 7 || !p[0].equals("1")) throw new IllegalArgumentException("not a Mamori log envelope");
        return new Envelope(false, p[1].isEmpty() ? null : p[1], p[2], p[3].isEmpty() ? null : p[3], p[4], Long.parseLong(p[5]), p[6]);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
