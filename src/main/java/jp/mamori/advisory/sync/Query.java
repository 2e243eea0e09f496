package jp.mamori.advisory.sync;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Builds query strings the way the feed APIs document them: values percent-encoded except the
 * unreserved characters and ':' (NVD's examples keep the colons of timestamps), so that a '+' in a
 * value is sent as %2B. {@link #raw} appends a value as is (MyJVN joins several vulnId with '+').
 */
final class Query {
    private final StringBuilder sb = new StringBuilder();

    Query add(String name, Object value) {
        return append(name, encode(String.valueOf(value)));
    }

    Query raw(String name, String alreadyEncoded) {
        return append(name, alreadyEncoded);
    }

    private Query append(String name, String encodedValue) {
        if (sb.length() > 0) sb.append('&');
        sb.append(encode(name)).append('=').append(encodedValue);
        return this;
    }

    URI appendTo(URI base) {
        String s = base.toString();
        String sep = base.getRawQuery() == null ? "?" : (s.endsWith("&") || s.endsWith("?") ? "" : "&");
        return URI.create(s + sep + sb);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    static String encode(String s) {
        return percentEncode(s, ":");
    }

    static String encodePathSegment(String s) {
        return percentEncode(s, "");
    }

    private static String percentEncode(String s, String alsoAllowed) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || alsoAllowed.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
