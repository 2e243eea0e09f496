package jp.mamori.identifiers;

import jp.mamori.identifiers.cpe.CpeKey;
import jp.mamori.identifiers.purl.PurlKey;

/**
 * The keys under which advisories are indexed and components looked up. They are the matching
 * engine's own keys ({@link CpeKey}, {@link PurlKey}), so an advisory and a component meet
 * whatever spelling each source used.
 */
public final class IndexKeys {
    private IndexKeys() { }

    /** "part:vendor:product" of a CPE name, lower case and unescaped; null when it is not one. */
    public static String cpeKey(String cpe) {
        if (cpe == null || cpe.isBlank()) return null;
        String fast = fastKey(cpe);
        if (fast != null) return fast;
        try {
            return CpeKey.parse(cpe.trim()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The common case without escapes, read by splitting: the import indexes millions of
     * criteria, and the full CPE parser costs more than the rest of a record.
     */
    private static String fastKey(String cpe) {
        if (!cpe.startsWith("cpe:2.3:") || cpe.indexOf('\\') >= 0) return null;
        int p1 = 8;
        int p2 = cpe.indexOf(':', p1);
        if (p2 != p1 + 1) return null;
        int p3 = cpe.indexOf(':', p2 + 1);
        if (p3 < 0) return null;
        int p4 = cpe.indexOf(':', p3 + 1);
        if (p4 < 0) return null;
        char part = cpe.charAt(p1);
        if (part != 'a' && part != 'o' && part != 'h') return null;
        String vendor = cpe.substring(p2 + 1, p3);
        String product = cpe.substring(p3 + 1, p4);
        if (vendor.isEmpty() || product.isEmpty() || vendor.indexOf('?') >= 0 || product.indexOf('?') >= 0) return null;
        return (part + ":" + vendor + ":" + product).toLowerCase(java.util.Locale.ROOT);
    }

    /** The (ecosystem, name) key of an advisory's affected package. */
    public static PurlKey packageKey(String ecosystem, String name) {
        return PurlKey.fromOsv(ecosystem == null ? "" : ecosystem, name == null ? "" : name);
    }
}
