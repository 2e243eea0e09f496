package jp.mamori.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import jp.mamori.security.AccountStateFilter;
import jp.mamori.security.Role;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sign-in sessions kept in the database (Spring Session JDBC, ADR 0016) end by the two configured
 * limits: unused for longer than the idle timeout ({@code server.servlet.session.timeout}), and
 * older than the absolute lifetime ({@value AccountStateFilter#LIFETIME_PROPERTY}) even when used
 * without pause. Small values here (2 s idle, 5 s lifetime) stand for the defaults of 30 minutes
 * and 12 hours. H2 and PostgreSQL.
 */
class SessionTimeoutWebTest {

    static final Duration IDLE = Duration.ofSeconds(2);
    static final Duration LIFETIME = Duration.ofSeconds(5);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSessionEndsWhenIdleTooLongAndWhenTooOldHoweverBusy(Kind kind) throws Exception {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture(kind);
        ConfigurableApplicationContext context = MamoriWebApplication.start(f.db, "127.0.0.1", 0, f.dataDir, System.getenv(),
                Map.of("server.servlet.session.timeout", IDLE.toSeconds() + "s", AccountStateFilter.LIFETIME_PROPERTY, LIFETIME.toSeconds() + "s"));
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();

            // idle: in use, then left alone a little longer than the idle timeout
            HttpSessionClient idle = AuthorizationMatrixTest.signIn(base, f, Role.AUDITOR);
            for (int i = 0; i < 4; i++) {
                Thread.sleep(IDLE.toMillis() / 2);
                assertThat(idle.get("/findings").statusCode()).as("used within the idle timeout").isEqualTo(200);
            }
            Thread.sleep(IDLE.toMillis() + 1200);
            assertSignedOut(idle.get("/findings"), "unused longer than the idle timeout");
            assertSignedOut(idle.get("/"), "and it stays ended");

            // absolute: used every 400 ms (never idle), refused once the lifetime has passed since sign-in
            long before = System.nanoTime();
            HttpSessionClient busy = AuthorizationMatrixTest.signIn(base, f, Role.SECURITY_OFFICER);
            long after = System.nanoTime();
            Long refusedAt = null;
            while (System.nanoTime() - after < LIFETIME.toNanos() + Duration.ofSeconds(3).toNanos()) {
                long sent = System.nanoTime();
                HttpResponse<String> r = busy.get("/findings");
                if (r.statusCode() != 200) {
                    assertSignedOut(r, "past the absolute lifetime");
                    refusedAt = sent;
                    break;
                }
                assertThat(sent - before).as("a request answered while still signed in comes before the lifetime ends")
                        .isLessThanOrEqualTo(LIFETIME.toNanos() + Duration.ofMillis(900).toNanos());
                Thread.sleep(400);
            }
            assertThat(refusedAt).as("a busy session is ended by the absolute lifetime").isNotNull();
            assertThat(refusedAt - before).as("not before the lifetime").isGreaterThanOrEqualTo(LIFETIME.toNanos() - Duration.ofMillis(200).toNanos());
            assertSignedOut(busy.get("/"), "and it stays ended");

            // a new sign-in starts a new session (the auditor: the officer's TOTP code of this step is spent)
            HttpSessionClient again = AuthorizationMatrixTest.signIn(base, f, Role.AUDITOR);
            assertThat(again.get("/findings").statusCode()).isEqualTo(200);
        } finally {
            context.close();
            f.db.close();
        }
    }

    private static void assertSignedOut(HttpResponse<String> r, String why) {
        assertThat(r.statusCode()).as(why).isEqualTo(302);
        assertThat(HttpSessionClient.location(r)).as(why).endsWith("/login");
    }
}
