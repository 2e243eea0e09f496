package jp.mamori.inventory.sbom;

/** Small string rules shared by the readers. */
public final class Text {
    private Text() { }

    /** Trimmed, or null when blank: formats differ on "absent" vs "empty" and Mamori treats both as absent. */
    public static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Like {@link #clean} but SPDX's NOASSERTION and NONE also mean "nothing known". */
    public static String cleanSpdx(String s) {
        String t = clean(s);
        if (t == null || t.equals("NOASSERTION") || t.equals("NONE")) return null;
        return t;
    }

    /** The first non-null argument. */
    @SafeVarargs
    public static <T> T firstOf(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
