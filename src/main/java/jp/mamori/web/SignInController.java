package jp.mamori.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditLog;
import jp.mamori.security.AccountException;
import jp.mamori.security.MamoriAuthentication;
import jp.mamori.security.SessionSignIn;
import jp.mamori.security.SignInRateLimiter;
import jp.mamori.security.SignInStage;
import jp.mamori.security.Totp;
import jp.mamori.security.UserAccount;
import jp.mamori.security.UserStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The stages after the password: TOTP code, password change, TOTP enrolment (see SignInStage). */
@Controller
public class SignInController {

    static final String PENDING_TOTP_SECRET = "mamori.totp.pending";

    private final UserStore users;
    private final SessionSignIn signIn;
    private final AuditLog audit;
    private final SignInRateLimiter limiter;
    private final ApplicationEventPublisher events;

    public SignInController(UserStore users, SessionSignIn signIn, AuditLog audit, SignInRateLimiter limiter, ApplicationEventPublisher events) {
        this.users = users;
        this.signIn = signIn;
        this.audit = audit;
        this.limiter = limiter;
        this.events = events;
    }

    // ---- TOTP code

    @GetMapping("/login/totp")
    public String totpForm() {
        return "login-totp";
    }

    @PostMapping("/login/totp")
    public String totp(@RequestParam(name = "code", defaultValue = "") String code, Authentication authentication,
                       HttpServletRequest request, HttpServletResponse response) {
        MamoriAuthentication m = (MamoriAuthentication) authentication;
        UserStore.PasswordCheck check = users.checkTotp(m.userId(), code);
        if (!check.ok()) {
            limiter.recordFailure(request.getRemoteAddr());
            audit.append(m.username(), m.scope().organizationId(), AuditAction.TOTP_FAILED, "user:" + m.username(),
                    "ip=" + request.getRemoteAddr() + " reason=" + check.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (check.outcome() == UserStore.Outcome.BAD_CODE) return "redirect:/login/totp?error";
            // locked (now or meanwhile) or disabled: start again, with the same message as any failure
            signIn.end(request);
            return "redirect:/login?error";
        }
        MamoriAuthentication next = MamoriAuthentication.session(users.findById(m.userId()).orElseThrow(), true);
        signIn.store(request, response, m, next);
        events.publishEvent(new AuthenticationSuccessEvent(next));
        return "redirect:" + next.stage().path();
    }

    // ---- password change

    @GetMapping("/account/password")
    public String passwordForm(Authentication authentication, Model model) {
        model.addAttribute("forced", ((MamoriAuthentication) authentication).stage() == SignInStage.CHANGE_PASSWORD);
        return "account-password";
    }

    @PostMapping("/account/password")
    public String changePassword(@RequestParam(name = "current", defaultValue = "") String current,
                                 @RequestParam(name = "password", defaultValue = "") String password,
                                 @RequestParam(name = "confirm", defaultValue = "") String confirm,
                                 Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
        MamoriAuthentication m = (MamoriAuthentication) authentication;
        model.addAttribute("forced", m.stage() == SignInStage.CHANGE_PASSWORD);
        if (!password.equals(confirm)) {
            model.addAttribute("problem", "確認用のパスワードが一致しません / the two new passwords differ");
            return "account-password";
        }
        try {
            users.changePassword(m.userId(), current, password);
        } catch (AccountException e) {
            model.addAttribute("problem", e.getMessage());
            return "account-password";
        }
        UserAccount u = users.findById(m.userId()).orElseThrow();
        if (!u.enabled() || u.lockedAt(users.clock().instant())) {
            signIn.end(request);
            return "redirect:/login?error";
        }
        MamoriAuthentication next = MamoriAuthentication.session(u, m.totpVerified());
        signIn.store(request, response, m, next);
        return "redirect:" + (next.complete() && m.complete() ? "/account/password?changed" : next.stage().path());
    }

    // ---- TOTP enrolment

    @GetMapping("/account/totp")
    public String enrolForm(Authentication authentication, HttpSession session, Model model) {
        MamoriAuthentication m = (MamoriAuthentication) authentication;
        UserAccount u = users.findById(m.userId()).orElseThrow();
        model.addAttribute("forced", m.stage() == SignInStage.ENROL_TOTP);
        if (u.totpEnabled()) {
            model.addAttribute("enabled", true);
            return "account-totp";
        }
        String secret = (String) session.getAttribute(PENDING_TOTP_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_TOTP_SECRET, secret);
        }
        model.addAttribute("enabled", false);
        model.addAttribute("secret", secret);
        model.addAttribute("secretGrouped", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("uri", Totp.uri(secret, u.username()));
        model.addAttribute("qr", Totp.qrDataUri(secret, u.username()));
        return "account-totp";
    }

    @PostMapping("/account/totp")
    public String enrol(@RequestParam(name = "code", defaultValue = "") String code, Authentication authentication, HttpSession session,
                        HttpServletRequest request, HttpServletResponse response) {
        MamoriAuthentication m = (MamoriAuthentication) authentication;
        String secret = (String) session.getAttribute(PENDING_TOTP_SECRET);
        if (secret == null) return "redirect:/account/totp";
        try {
            users.enrolTotp(m.userId(), secret, code);
        } catch (AccountException e) {
            return "redirect:/account/totp?error";
        }
        session.removeAttribute(PENDING_TOTP_SECRET);
        // the code just given proves the second factor for this session
        MamoriAuthentication next = MamoriAuthentication.session(users.findById(m.userId()).orElseThrow(), true);
        signIn.store(request, response, m, next);
        if (!m.complete() && next.complete()) events.publishEvent(new AuthenticationSuccessEvent(next));
        return "redirect:" + (m.complete() ? "/account/totp?enabled" : next.stage().path());
    }
}
