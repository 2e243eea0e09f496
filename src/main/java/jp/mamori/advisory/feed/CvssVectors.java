package jp.mamori.advisory.feed;

/** What can be read from a CVSS vector string without scoring it. */
public final class CvssVectors {
    private CvssVectors() { }

    /**
     * The CVSS version a vector declares: "3.0", "3.1", "4.0" from its {@code CVSS:x.y/} prefix;
     * "2.0" for a v2 vector, which has no prefix ({@code AV:N/AC:L/Au:N/...}); null when unknown.
     */
    public static String version(String vector) {
        if (vector == null) return null;
        String v = vector.trim();
        if (v.startsWith("(") && v.endsWith(")")) v = v.substring(1, v.length() - 1);
        if (v.startsWith("CVSS:")) {
            int slash = v.indexOf('/');
            return slash > 5 ? v.substring(5, slash) : null;
        }
        return v.startsWith("AV:") && v.contains("/Au:") ? "2.0" : null;
    }
}
