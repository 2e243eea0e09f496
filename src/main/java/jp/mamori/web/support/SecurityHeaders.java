package jp.mamori.web.support;

import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.security.WebSecurityConfig;

/** The headers Spring Security writes on every Mamori page, for the responses it never sees (Tomcat's own). */
final class SecurityHeaders {
    private SecurityHeaders() { }

    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", WebSecurityConfig.CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
