package jp.mamori.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the account of a signed-in session on every request, so that disabling an account,
 * changing its role, organisation, systems or vendor, or resetting its password or TOTP takes
 * effect at once rather than at the next sign-in. Also ends sessions older than the absolute
 * lifetime (idle timeout is the servlet container's).
 */
public class AccountStateFilter extends OncePerRequestFilter {

    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);

    private final UserStore users;
    private final SessionSignIn signIn;

    public AccountStateFilter(UserStore users, SessionSignIn signIn) {
        this.users = users;
        this.signIn = signIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a instanceof MamoriAuthentication m && m.via() == MamoriAuthentication.Via.SESSION) {
            HttpSession session = request.getSession(false);
            boolean expired = session != null && System.currentTimeMillis() - session.getCreationTime() > ABSOLUTE_LIFETIME.toMillis();
            Optional<UserAccount> u = users.findById(m.userId());
            if (expired || u.isEmpty() || !u.get().enabled() || u.get().lockedAt(users.clock().instant())) {
                signIn.end(request);
            } else {
                MamoriAuthentication fresh = MamoriAuthentication.session(u.get(), m.totpVerified() && u.get().totpEnabled());
                if (!fresh.sameAs(m)) signIn.store(request, response, m, fresh);
            }
        }
        chain.doFilter(request, response);
    }
}
