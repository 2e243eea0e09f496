package jp.mamori.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The password step of the form sign-in, over {@link UserStore} (lockout included). */
@Component
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final UserStore users;

    public PasswordAuthenticationProvider(UserStore users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        UserStore.PasswordCheck check = users.checkPassword(username, credentials == null ? null : credentials.toString());
        if (!check.ok()) throw new SignInFailedException(check.outcome(), check.user());
        MamoriAuthentication result = MamoriAuthentication.session(check.user(), false);
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
