package jp.mamori.web.support;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the server trusts about the network in front of it, from the environment (issue 18.10):
 * <ul>
 *   <li>{@code MAMORI_TRUSTED_PROXY}: the addresses (comma-separated IP literals) of the TLS proxy whose
 *       X-Forwarded-For / -Proto / -Host are believed. Unset: nobody's — not even a local process's — so
 *       the sign-in limit, the lockout and the audit trail see the real client address.</li>
 *   <li>{@code MAMORI_BASE_URL}: the address users reach Mamori at ({@code https://mamori.example.lg.jp});
 *       redirects are made absolute with it. Unset: redirects are relative. The request's Host or
 *       X-Forwarded-Host is never used.</li>
 * </ul>
 */
public final class EdgeSettings {

    public static final String TRUSTED_PROXY = "MAMORI_TRUSTED_PROXY";
    public static final String BASE_URL = "MAMORI_BASE_URL";
    /** Spring property the redirect filter reads (set from {@link #BASE_URL}). */
    public static final String BASE_URL_PROPERTY = "mamori.base-url";

    private EdgeSettings() { }

    /** Tomcat RemoteIpValve internal proxies (CIDR list) for the configured addresses; empty when none. */
    public static String internalProxies(Map<String, String> env) {
        String v = env.get(TRUSTED_PROXY);
        if (v == null || v.isBlank()) return "";
        List<String> cidrs = new ArrayList<>();
        for (String part : v.split(",")) {
            String a = part.trim();
            if (a.isEmpty()) continue;
            if (!a.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException(TRUSTED_PROXY + ": 「" + a + "」はIPアドレスではありません / '" + a
                        + "' is not an IP address (host names are not accepted)");
            }
            try {
                InetAddress ip = InetAddress.getByName(a); // a literal: no name lookup
                cidrs.add(ip.getHostAddress() + (ip.getAddress().length == 4 ? "/32" : "/128"));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(TRUSTED_PROXY + ": 「" + a + "」はIPアドレスではありません / '" + a + "' is not an IP address");
            }
        }
        return String.join(", ", cidrs);
    }

    /** The configured base URL without a trailing slash, or "" when unset. */
    public static String baseUrl(Map<String, String> env) {
        String v = env.get(BASE_URL);
        if (v == null || v.isBlank()) return "";
        String s = v.trim();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getRawQuery() != null
                    || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                throw new URISyntaxException(s, "not http(s)://host[:port][/path]");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(BASE_URL + ": 「" + v + "」は https://ホスト名[:ポート][/パス] の形ではありません / '" + v
                    + "' is not of the form https://host[:port][/path]");
        }
        return s;
    }
}
