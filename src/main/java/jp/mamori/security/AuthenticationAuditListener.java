package jp.mamori.security;

import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins and failed sign-ins into the audit trail, from Spring Security's authentication events.
 * A password that still needs its TOTP code is recorded as {@code auth.password_ok}; the sign-in
 * proper ({@code auth.sign_in}) is recorded when every factor is given.
 */
@Component
public class AuthenticationAuditListener {

    private final AuditLog audit;
    private final UserStore users;
    private final SignInRateLimiter limiter;

    public AuthenticationAuditListener(AuditLog audit, UserStore users, SignInRateLimiter limiter) {
        this.audit = audit;
        this.users = users;
        this.limiter = limiter;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof MamoriAuthentication m) || m.via() != MamoriAuthentication.Via.SESSION) return;
        String ip = ClientAddress.of(m.getDetails());
        if (m.stage() == SignInStage.TOTP) {
            audit.append(m.username(), m.scope().organizationId(), AuditAction.SIGN_IN_PASSWORD_OK, "user:" + m.username(),
                    "ip=" + ip + " (TOTP code pending)");
            return;
        }
        users.recordSignIn(m.userId());
        audit.append(m.username(), m.scope().organizationId(), AuditAction.SIGN_IN, "user:" + m.username(),
                "ip=" + ip + (m.totpVerified() ? " factors=password+totp" : " factors=password") + (m.complete() ? "" : " next=" + m.stage()));
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String ip = ClientAddress.of(event.getAuthentication().getDetails());
        limiter.recordFailure(ip);
        String attempted = event.getAuthentication().getName();
        String reason = event.getException().getClass().getSimpleName();
        Long org = null;
        if (event.getException() instanceof SignInFailedException f) {
            reason = f.outcome().name().toLowerCase(java.util.Locale.ROOT);
            if (f.account() != null) org = f.account().organizationId();
        }
        audit.append("anonymous", org, AuditAction.SIGN_IN_FAILED, "user:" + (attempted == null ? "" : attempted), "ip=" + ip + " reason=" + reason);
    }
}
