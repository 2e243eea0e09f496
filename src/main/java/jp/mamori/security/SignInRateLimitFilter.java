package jp.mamori.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses sign-in attempts (password and TOTP forms) from an address that has failed too often. */
public class SignInRateLimitFilter extends OncePerRequestFilter {

    private final SignInRateLimiter limiter;

    public SignInRateLimitFilter(SignInRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals("/login") || path.equals("/login/totp"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (limiter.blocked(ClientAddress.of(request))) {
            response.sendRedirect(request.getContextPath() + "/login?error=rate");
            return;
        }
        chain.doFilter(request, response);
    }
}
