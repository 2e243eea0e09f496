package jp.mamori.security;

import java.nio.file.Path;
import java.time.Duration;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** The plain account, token and audit stores as beans, over the database the CLI opened. */
@Configuration
public class SecurityBeans {

    /** Where secret.key lives unless MAMORI_SECRET_KEY is set (set by MamoriWebApplication). */
    public static final String DATA_DIR_PROPERTY = "mamori.data-dir";

    @Bean
    AuditLog auditLog(Database database) {
        return new AuditLog(database.dataSource());
    }

    @Bean
    SecretBox secretBox(Environment env) {
        return SecretBox.load(Path.of(env.getProperty(DATA_DIR_PROPERTY, "data")), System.getenv());
    }

    @Bean
    UserStore userStore(Database database, AuditLog auditLog, SecretBox secretBox) {
        return new UserStore(database.dataSource(), auditLog, secretBox);
    }

    @Bean
    ApiTokenStore apiTokenStore(Database database, AuditLog auditLog) {
        return new ApiTokenStore(database.dataSource(), auditLog);
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
