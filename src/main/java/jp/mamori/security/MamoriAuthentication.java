package jp.mamori.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Mamori sign-in: by session (with its {@link SignInStage}) or by API token (always complete,
 * narrowed to the token's scopes). Authorities: {@code SIGNED_IN}, {@code ROLE_<role>} and
 * {@code SCOPE_read}/{@code SCOPE_write} when complete; only {@code STAGE_<stage>} before that.
 */
public final class MamoriAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    public static final String SIGNED_IN = "SIGNED_IN";

    public enum Via { SESSION, TOKEN }

    private final long userId;
    private final String username;
    private final String displayName;
    private final AccessScope scope;
    private final SignInStage stage;
    private final boolean totpVerified;
    private final Via via;
    private final Set<String> scopes;
    private final Long tokenId;

    private MamoriAuthentication(UserAccount u, SignInStage stage, boolean totpVerified, Via via, Set<String> scopes, Long tokenId) {
        super(authorities(u.role(), stage, scopes));
        this.userId = u.id();
        this.username = u.username();
        this.displayName = u.displayName();
        this.scope = u.scope();
        this.stage = stage;
        this.totpVerified = totpVerified;
        this.via = via;
        this.scopes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
        this.tokenId = tokenId;
        super.setAuthenticated(true);
    }

    /** A browser session; the stage follows from the account and whether the TOTP code was given. */
    public static MamoriAuthentication session(UserAccount u, boolean totpVerified) {
        return new MamoriAuthentication(u, SignInStage.of(u, totpVerified), totpVerified, Via.SESSION, Set.of("read", "write"), null);
    }

    public static MamoriAuthentication token(UserAccount u, ApiToken token) {
        Set<String> scopes = new TreeSet<>(token.scopes());
        if (u.role() == Role.AUDITOR) scopes.remove("write");
        return new MamoriAuthentication(u, SignInStage.DONE, false, Via.TOKEN, scopes, token.id());
    }

    private static List<GrantedAuthority> authorities(Role role, SignInStage stage, Set<String> scopes) {
        List<GrantedAuthority> out = new ArrayList<>();
        if (stage != SignInStage.DONE) {
            out.add(new SimpleGrantedAuthority("STAGE_" + stage.name()));
            return out;
        }
        out.add(new SimpleGrantedAuthority(SIGNED_IN));
        out.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        for (String s : new TreeSet<>(scopes)) out.add(new SimpleGrantedAuthority("SCOPE_" + s));
        return out;
    }

    public long userId() { return userId; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public AccessScope scope() { return scope; }
    public SignInStage stage() { return stage; }
    public boolean totpVerified() { return totpVerified; }
    public Via via() { return via; }
    public Set<String> scopes() { return scopes; }
    public Long tokenId() { return tokenId; }

    public boolean complete() {
        return stage == SignInStage.DONE;
    }

    /** Same account state, so nothing needs to be refreshed in the session. */
    boolean sameAs(MamoriAuthentication o) {
        return o != null && userId == o.userId && stage == o.stage && totpVerified == o.totpVerified && via == o.via
                && Objects.equals(scope.toString(), o.scope.toString()) && Objects.equals(displayName, o.displayName);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) throw new IllegalArgumentException("use the factory methods");
        super.setAuthenticated(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MamoriAuthentication m && super.equals(o) && sameAs(m);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), userId, stage);
    }
}
