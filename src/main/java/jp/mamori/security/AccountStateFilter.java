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
 * lifetime ({@value #LIFETIME_PROPERTY}, 12 hours unless set), however continuously they are used;
 * the idle timeout is the session store's ({@code server.servlet.session.timeout}, 30 minutes).
 */
public class AccountStateFilter extends OncePerRequestFilter {

    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);
    /** The absolute lifetime of a signed-in session (a Spring duration: 12h, 90m, 5s). */
    public static final String LIFETIME_PROPERTY = "mamori.security.session-absolute-timeout";

    private final UserStore users;
    private final SessionSignIn signIn;
    private final Duration lifetime;

    public AccountStateFilter(UserStore users, SessionSignIn signIn) {
        this(users, signIn, ABSOLUTE_LIFETIME);
    }

    public AccountStateFilter(UserStore users, SessionSignIn signIn, Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException(LIFETIME_PROPERTY + " must be positive");
        this.users = users;
        this.signIn = signIn;
        this.lifetime = lifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a instanceof MamoriAuthentication m && m.via() == MamoriAuthentication.Via.SESSION) {
            HttpSession session = request.getSession(false);
            boolean expired = session != null && System.currentTimeMillis() - session.getCreationTime() > lifetime.toMillis();
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
