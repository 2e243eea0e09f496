package jp.mamori.security;

import java.nio.file.Path;
import java.time.Duration;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** The plain account, token and audit stores as beans, taken from the server's {@link Mamori}. */
@Configuration
public class SecurityBeans {

    /** Where secret.key lives unless MAMORI_SECRET_KEY is set (set by MamoriWebApplication). */
    public static final String DATA_DIR_PROPERTY = "mamori.data-dir";

    /** Mamori's own audit log: the server's sign-ins and the use cases write through the same one. */
    @Bean
    AuditLog auditLog(Mamori mamori) {
        return mamori.audit();
    }

    @Bean
    SecretBox secretBox(Environment env) {
        return SecretBox.load(Path.of(env.getProperty(DATA_DIR_PROPERTY, "data")), System.getenv());
    }

    @Bean
    Accounts accounts(Mamori mamori, SecretBox secretBox) {
        return Accounts.withSecrets(mamori, secretBox);
    }

    @Bean
    UserStore userStore(Accounts accounts) {
        return accounts.users();
    }

    @Bean
    CreateTenant createTenant(Accounts accounts) {
        return accounts.createTenant();
    }

    @Bean
    ApiTokenStore apiTokenStore(Accounts accounts) {
        return accounts.tokens();
    }

    @Bean
    SignInRateLimiter signInRateLimiter(Database database, Environment env) {
        // counted in the database: every node behind the load balancer sees the same failures (ADR 0016)
        return SignInRateLimiter.shared(database.dataSource(), env.getProperty("mamori.security.failed-sign-ins-per-address", Long.class, 30L),
                Duration.ofMinutes(env.getProperty("mamori.security.failed-sign-ins-period-minutes", Long.class, 10L)), java.time.Clock.systemUTC());
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    }
}
