package jp.mamori.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in caller of the current web request. Controllers can also declare a parameter of
 * type {@link AccessScope} or {@link MamoriAuthentication}: {@link CurrentUserArgumentResolver}
 * fills it in.
 *
 * <pre>{@code
 * @GetMapping("/api/v1/assets")
 * List<Asset> assets(AccessScope scope) { return repository.listAssets(scope); }
 * }</pre>
 */
public final class CurrentUser {
    private CurrentUser() { }

    /** The caller, when signed in completely (all factors). */
    public static Optional<MamoriAuthentication> authentication() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a instanceof MamoriAuthentication m && m.complete() ? Optional.of(m) : Optional.empty();
    }

    public static MamoriAuthentication require() {
        return authentication().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    /** What the caller may see and change. */
    public static AccessScope scope() {
        return require().scope();
    }

    public static String username() {
        return require().username();
    }
}
