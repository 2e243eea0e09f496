package jp.mamori.advisory.store;

import java.util.Locale;

/**
 * Normalised keys under which advisories are indexed and components are looked up, so that an
 * advisory and a component meet whatever spelling each source used.
 */
public final class IndexKeys {
    private IndexKeys() { }

    /** "part:vendor:product" of a CPE 2.3 formatted string, lower case; null when it is not one. */
    public static String cpeKey(String cpe23) {
        if (cpe23 == null) return null;
        String[] f = splitCpe(cpe23);
        if (f == null) return null;
        return (f[2] + ":" + f[3] + ":" + f[4]).toLowerCase(Locale.ROOT);
    }

    /** Splits a CPE 2.3 formatted string on unescaped colons; null when it is not one. */
    public static String[] splitCpe(String cpe23) {
        if (!cpe23.startsWith("cpe:2.3:")) return null;
        java.util.ArrayList<String> parts = new java.util.ArrayList<>(13);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < cpe23.length(); i++) {
            char ch = cpe23.charAt(i);
            if (ch == '\\' && i + 1 < cpe23.length()) {
                cur.append(ch).append(cpe23.charAt(++i));
            } else if (ch == ':') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        parts.add(cur.toString());
        if (parts.size() < 5) return null;
        return parts.toArray(new String[0]);
    }

    /**
     * Ecosystem key: the OSV ecosystem without its release suffix, lower case ("Debian:12" → "debian",
     * "Maven" → "maven"). The release stays in the range evaluation, not in the index.
     */
    public static String ecosystemKey(String ecosystem) {
        if (ecosystem == null) return "";
        int colon = ecosystem.indexOf(':');
        String base = colon < 0 ? ecosystem : ecosystem.substring(0, colon);
        return base.trim().toLowerCase(Locale.ROOT);
    }

    /** Package name key: PyPI names per PEP 503; everything else lower case. */
    public static String packageKey(String ecosystem, String name) {
        if (name == null) return "";
        String eco = ecosystemKey(ecosystem);
        String n = name.trim();
        if (eco.equals("pypi")) {
            return n.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
