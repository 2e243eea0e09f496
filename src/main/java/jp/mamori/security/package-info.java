/**
 * Who may sign in and what they may see. Plain Java, usable from the command line:
 * {@link jp.mamori.security.UserStore} (accounts, lockout, TOTP), {@link jp.mamori.security.ApiTokenStore},
 * {@link jp.mamori.security.AccessScope} (role and tenant decisions, SQL filters),
 * {@link jp.mamori.security.PasswordPolicy}, {@link jp.mamori.security.Totp}, {@link jp.mamori.security.SecretBox}.
 * Spring Security edge: {@link jp.mamori.security.WebSecurityConfig} and the filters it wires,
 * {@link jp.mamori.security.CurrentUser} for controllers. See docs/adr/0007-sign-in-scopes-audit.md.
 */
package jp.mamori.security;
