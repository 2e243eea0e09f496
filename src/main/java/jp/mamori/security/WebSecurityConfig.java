package jp.mamori.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.mamori.audit.AuditAction;
import jp.mamori.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in and everything around it:
 * <ul>
 *   <li>Only the sign-in page, static assets and the health probe are public. Browsers are sent
 *       to the sign-in page, API clients get 401.</li>
 *   <li>Form sign-in at {@code /login} ({@link PasswordAuthenticationProvider}: bcrypt, lockout
 *       after 5 failures), then the stages of {@link SignInStage}: TOTP code, forced password
 *       change, forced TOTP enrolment. Until the last stage the session can reach nothing else.</li>
 *   <li>{@code Authorization: Bearer mmr_...} API tokens ({@link BearerTokenFilter}): no session,
 *       no CSRF (not ambient), scopes: GET needs {@code read}, anything else {@code write}.</li>
 *   <li>Failed sign-ins per address are limited ({@link SignInRateLimiter}).</li>
 *   <li>A new session at sign-in and at every stage; 30 min idle timeout (application.properties),
 *       12 h absolute lifetime ({@link AccountStateFilter}); CSRF on for every session request.</li>
 *   <li>Headers: CSP without inline script, frame-ancestors 'none', X-Frame-Options DENY,
 *       X-Content-Type-Options, Referrer-Policy, no-store caching, HSTS when the request came over
 *       TLS (directly or from the TLS proxy, see application.properties).</li>
 * </ul>
 */
@Configuration
public class WebSecurityConfig {

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'; object-src 'none'";

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PasswordAuthenticationProvider passwords, UserStore users,
                                            ApiTokenStore tokens, AuditLog audit, SignInRateLimiter limiter, SessionSignIn signIn,
                                            SecurityContextRepository contextRepository, ApplicationEventPublisher events,
                                            org.springframework.core.env.Environment env) throws Exception {
        ProviderManager authenticationManager = new ProviderManager(passwords);
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setDefaultAuthenticationFailureEvent(
                org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent.class);
        authenticationManager.setAuthenticationEventPublisher(publisher);

        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request));

        http.authenticationManager(authenticationManager)
                .securityContext(c -> c.securityContextRepository(contextRepository))
                .requestCache(c -> c.requestCache(requestCache))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/login/totp").hasAuthority("STAGE_" + SignInStage.TOTP.name())
                        .requestMatchers("/account/password").hasAnyAuthority("STAGE_" + SignInStage.CHANGE_PASSWORD.name(), MamoriAuthentication.SIGNED_IN)
                        .requestMatchers("/account/totp").hasAnyAuthority("STAGE_" + SignInStage.ENROL_TOTP.name(), MamoriAuthentication.SIGNED_IN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority("SCOPE_read")
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority("SCOPE_read")
                        .requestMatchers("/api/**").hasAuthority("SCOPE_write")
                        .anyRequest().hasAuthority(MamoriAuthentication.SIGNED_IN))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(stageRedirect())
                        .failureHandler(sameMessageForEveryFailure())
                        .permitAll())
                .logout(logout -> logout.addLogoutHandler(auditSignOut(audit)).logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                JsonErrors.write(response, 401, "unauthorized", "Sign-in or an API token is required"), API)
                        .accessDeniedHandler(accessDenied()))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
                .addFilterBefore(new BearerTokenFilter(tokens, users, audit, limiter), LogoutFilter.class)
                .addFilterBefore(new SignInRateLimitFilter(limiter), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountStateFilter(users, signIn,
                        env.getProperty(AccountStateFilter.LIFETIME_PROPERTY, java.time.Duration.class, AccountStateFilter.ABSOLUTE_LIFETIME)), AuthorizationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        return http.build();
    }

    /** After the password: to the next stage's page (TOTP code, password change, enrolment) or home. */
    private static AuthenticationSuccessHandler stageRedirect() {
        return (request, response, authentication) -> {
            String path = authentication instanceof MamoriAuthentication m ? m.stage().path() : "/";
            response.sendRedirect(request.getContextPath() + path);
        };
    }

    /** Unknown user, wrong password, locked, disabled: one message, one URL. */
    private static AuthenticationFailureHandler sameMessageForEveryFailure() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?error");
    }

    private static LogoutHandler auditSignOut(AuditLog audit) {
        return (request, response, authentication) -> {
            if (authentication instanceof MamoriAuthentication m && m.via() == MamoriAuthentication.Via.SESSION) {
                audit.append(m.username(), m.scope().organizationId(), AuditAction.SIGN_OUT, "user:" + m.username(), null);
            }
        };
    }

    /** A session part-way through signing in is sent to its stage's page; otherwise 403. */
    private static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            boolean api = API.matches(request);
            if (!(e instanceof CsrfException) && a instanceof MamoriAuthentication m && !m.complete()) {
                if (api) {
                    JsonErrors.write(response, 401, "sign_in_incomplete", "Complete the sign-in first");
                } else {
                    response.sendRedirect(request.getContextPath() + m.stage().path());
                }
                return;
            }
            forbidden(request, response, api);
        };
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response, boolean api) throws IOException {
        if (api) {
            JsonErrors.write(response, 403, "forbidden", "Not allowed");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
