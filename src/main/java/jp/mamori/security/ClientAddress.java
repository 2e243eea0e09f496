package jp.mamori.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The client's address. Behind a TLS proxy on the same host, Tomcat's RemoteIpValve (see
 * {@code server.forward-headers-strategy} and {@code server.tomcat.remoteip.internal-proxies} in
 * application.properties) has already replaced it with the forwarded one; forwarded headers from
 * anyone else are ignored, so they cannot be used to dodge the per-address limit.
 */
final class ClientAddress {
    private ClientAddress() { }

    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    static String of(Object details) {
        return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    }
}
