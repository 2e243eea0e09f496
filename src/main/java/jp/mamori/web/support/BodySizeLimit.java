package jp.mamori.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 18.3: a request whose declared body is larger than anything Mamori accepts is answered
 * 413 before any filter (sign-in, CSRF, multipart) reads a byte of it. The answer is the same for
 * every path and caller, so it tells nothing about what exists. Bodies without a declared length
 * are bounded where they are read (the SBOM upload streams with a hard limit).
 */
@Configuration
public class BodySizeLimit {

    /** The largest request body: an SBOM of {@code SbomUpload.MAX_BYTES} (50 MiB) plus multipart framing. */
    public static final long MAX_REQUEST_BYTES = 51L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodySizeLimitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
                    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    response.setHeader("Connection", "close");
                    SecurityHeaders.apply(response);
                    boolean api = WebErrors.api(request);
                    response.setContentType(api ? "application/json" : "text/plain");
                    response.setCharacterEncoding("UTF-8");
                    String message = "ファイルが大きすぎます（上限 " + (MAX_REQUEST_BYTES / (1024 * 1024)) + " MiB） / the request is too large (at most "
                            + (MAX_REQUEST_BYTES / (1024 * 1024)) + " MiB)";
                    response.getOutputStream().write((api ? "{\"error\":\"too_large\",\"status\":413,\"message\":\"" + message + "\"}" : message)
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.addUrlPatterns("/*");
        r.setName("bodySizeLimit");
        return r;
    }
}
