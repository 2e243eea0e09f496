package jp.mamori.triage.cvss;

import java.util.Locale;
import jp.mamori.advisory.Source;

/**
 * How a score's source key ("nvd", "cna:citrix", "jvn", "vendor:fortinet", ...) is named to a reader.
 * Kept in one place so that reasons, notes and explanations use the same words; feed sources are
 * named as {@link Source} names them.
 */
public final class CvssSourceNames {
    private CvssSourceNames() { }

    public static String en(String source) {
        return name(source, "others", " (", ")");
    }

    public static String ja(String source) {
        return name(source, "その他", "（", "）");
    }

    private static String name(String source, String others, String open, String close) {
        if (source == null || source.isBlank()) return "?";
        if (source.equals("*")) return others;
        int colon = source.indexOf(':');
        String kind = colon < 0 ? source : source.substring(0, colon);
        boolean en = open.equals(" (");
        Source feed = Source.byKey(kind);
        String label = feed != null ? (en ? feed.nameEn() : feed.nameJa())
                : switch (kind.toLowerCase(Locale.ROOT)) {
                    case "cna" -> "CNA";
                    case "vendor" -> en ? "vendor" : "ベンダー";
                    default -> kind;
                };
        return colon < 0 ? label : label + open + source.substring(colon + 1) + close;
    }
}
