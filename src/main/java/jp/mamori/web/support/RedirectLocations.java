package jp.mamori.web.support;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Every {@code Location} the server sends (Spring Security's sign-in redirect, controllers' redirects) is
 * either relative or on the configured {@code MAMORI_BASE_URL}: an absolute URL pointing back at this server
 * is cut to its path, so a forged {@code Host} or {@code X-Forwarded-Host} is never reflected into a redirect
 * (issue 18.10: that would send a user's browser, and its next sign-in, elsewhere).
 */
public final class RedirectLocations implements Filter {

    private final String baseUrl;

    public RedirectLocations(String baseUrl) {
        this.baseUrl = baseUrl == null ? "" : baseUrl;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            chain.doFilter(request, new Wrapper(request, response));
        } else {
            chain.doFilter(req, res);
        }
    }

    /** The location as sent: path (and query) of a self-pointing absolute URL, on the base URL when one is set. */
    String rewrite(HttpServletRequest request, String location) {
        if (location == null) return null;
        String path = location;
        try {
            URI u = new URI(location);
            if (u.isAbsolute() || location.startsWith("//")) {
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) return location;
                // Any absolute http(s) URL the server builds names this server (it never redirects elsewhere);
                // its host came from the request and cannot be trusted.
                path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())
                        + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
            } else if (!location.startsWith("/")) {
                // relative to the current request: resolve against its path, without the host
                URI current = new URI(request.getRequestURI());
                path = current.resolve(location).toString();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "/";
        }
        if (baseUrl.isEmpty()) return path;
        String context = request.getContextPath();
        return baseUrl + (context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path);
    }

    private final class Wrapper extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        Wrapper(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(rewrite(request, location));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(rewrite(request, location), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "location".equalsIgnoreCase(name) ? rewrite(request, value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "location".equalsIgnoreCase(name) ? rewrite(request, value) : value);
        }
    }
}
