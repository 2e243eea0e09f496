package jp.mamori.advisory.store;

import jp.mamori.matching.cpe.CpeKey;
import jp.mamori.matching.purl.PurlKey;

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
        try {
            return CpeKey.parse(cpe.trim()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The (ecosystem, name) key of an advisory's affected package. */
    public static PurlKey packageKey(String ecosystem, String name) {
        return PurlKey.fromOsv(ecosystem == null ? "" : ecosystem, name == null ? "" : name);
    }
}
