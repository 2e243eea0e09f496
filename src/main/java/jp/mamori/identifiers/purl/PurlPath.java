package jp.mamori.identifiers.purl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The namespace/name of a purl exactly as written (percent-decoded, case kept): the purl library
 * normalises some types' case, and a Go module path must be shown as its SBOM gave it.
 */
final class PurlPath {
    private PurlPath() { }

    /** "github.com/Masterminds/goutils" of "pkg:golang/github.com/Masterminds/goutils@v1.1.1?x=y#sub". */
    static Optional<String> of(String purl) {
        String s = purl.trim();
        if (!s.regionMatches(true, 0, "pkg:", 0, 4)) return Optional.empty();
        s = s.substring(4);
        while (s.startsWith("/")) s = s.substring(1);
        s = before(s, s.indexOf('#'));
        s = before(s, s.indexOf('?'));
        s = before(s, s.lastIndexOf('@'));
        int slash = s.indexOf('/');
        if (slash < 0) return Optional.empty();
        String path = s.substring(slash + 1);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        try {
            return path.isEmpty() ? Optional.empty() : Optional.of(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String before(String s, int cut) {
        return cut >= 0 ? s.substring(0, cut) : s;
    }
}
