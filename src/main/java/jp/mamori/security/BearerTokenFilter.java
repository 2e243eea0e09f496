package jp.mamori.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditLog;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer mmr_...} on {@code /api/**}: authenticates the request, and only the request: the
 * security context is never saved, so token use creates no session. A bad token is answered at
 * once with 401 and never falls back to a session cookie sent along.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenStore tokens;
    private final UserStore users;
    private final AuditLog audit;
    private final SignInRateLimiter limiter;

    public BearerTokenFilter(ApiTokenStore tokens, UserStore users, AuditLog audit, SignInRateLimiter limiter) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.limiter = limiter;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            // pages render forms with CSRF tokens, which live in a session: tokens are for the API only
            JsonErrors.write(response, 401, "invalid_request", "API tokens are accepted under /api/ only");
            return;
        }
        String ip = ClientAddress.of(request);
        if (limiter.blocked(ip)) {
            response.setHeader("Retry-After", "600");
            JsonErrors.write(response, 429, "too_many_failures", "Too many failed sign-ins from this address; try again later");
            return;
        }
        String presented = request.getHeader("Authorization").substring(7).trim();
        ApiTokenStore.Check check = tokens.authenticate(presented);
        Optional<UserAccount> user = check.token() != null ? users.findById(check.token().userId()) : Optional.empty();
        if (!check.ok() || user.isEmpty() || !user.get().enabled()) {
            limiter.recordFailure(ip);
            String reason = check.ok() ? "user_disabled" : check.refusal().name().toLowerCase(Locale.ROOT);
            Long org = user.map(UserAccount::organizationId).orElse(null);
            audit.append("anonymous", org, AuditAction.TOKEN_FAILED, check.token() == null ? "token:?" : "token:" + check.token().id(),
                    "ip=" + ip + " reason=" + reason);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            JsonErrors.write(response, 401, "invalid_token", "The token is invalid, expired or revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(MamoriAuthentication.token(user.get(), check.token()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
