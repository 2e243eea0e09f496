package jp.mamori.advisory.feed;

import java.util.Locale;

/** Language tags of descriptions, reduced to what Mamori keys descriptions by ("en", "ja"). */
public final class Languages {
    private Languages() { }

    /** The primary subtag, lower-cased: "en-US" and "EN" give "en", "eng" gives "en"; null gives "en". */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) return "en";
        if (tag.length() == 2 && Character.isLowerCase(tag.charAt(0)) && Character.isLowerCase(tag.charAt(1))) return tag;
        String s = tag.trim().toLowerCase(Locale.ROOT);
        int dash = s.indexOf('-');
        if (dash < 0) dash = s.indexOf('_');
        if (dash > 0) s = s.substring(0, dash);
        // CVE 5 allows ISO 639-2 codes; the two Mamori shows are mapped, others kept as given
        if (s.equals("eng")) return "en";
        if (s.equals("jpn")) return "ja";
        return s;
    }
}
