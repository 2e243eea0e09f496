package jp.mamori.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.Totp;
import jp.mamori.security.UserStore;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A security officer of one organisation for a web test, made as an administrator makes one: the one-time password
 * changed, TOTP enrolled, and an API token with the given scopes.
 */
record OfficerAccount(String username, String password, String totpSecret, String token) {

    static OfficerAccount create(Database db, Path dataDir, long orgId, String username, String password, List<String> tokenScopes) {
        AuditLog audit = new AuditLog(db.dataSource());
        UserStore users = new UserStore(db.dataSource(), audit, SecretBox.load(dataDir, Map.of()), new BCryptPasswordEncoder(4), Clock.systemUTC());
        UserStore.Created created = users.create(new UserStore.NewUser(username, null, Role.SECURITY_OFFICER, orgId, Set.of(), null, true), "test");
        users.changePassword(created.user().id(), created.oneTimePassword(), password);
        String secret = Totp.newSecret();
        users.enrolTotp(created.user().id(), secret, Totp.code(secret, Totp.step(Instant.now()) - 1));
        String token = new ApiTokenStore(db.dataSource(), audit).issue(users.findById(created.user().id()).orElseThrow(), "t",
                tokenScopes, 1, "test").secret();
        return new OfficerAccount(username, password, secret, token);
    }

    /** A browser session (without script) signed in with the password and the current TOTP code. */
    HttpSessionClient signIn(String base) throws Exception {
        return HttpSessionClient.signedIn(base, username, password, totpSecret);
    }
}
