package jp.mamori.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import jp.mamori.persistence.DatabaseSettings;

/**
 * The databases persistence tests run against: embedded H2 always, PostgreSQL whenever one is
 * reachable ({@code MAMORI_TEST_DB_URL}, else a local server on 127.0.0.1:5432). Each PostgreSQL
 * use gets a fresh schema. With {@code MAMORI_REQUIRE_POSTGRES=1} (set by .ci/run) an unreachable
 * server fails the test instead of skipping it.
 */
public final class TestDatabases {

    public enum Kind { H2, POSTGRES }

    private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() { }

    public static DatabaseSettings settings(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static DatabaseSettings h2() {
        try {
            Path dir = Files.createTempDirectory("mamori-h2-");
            dir.toFile().deleteOnExit();
            return DatabaseSettings.embedded(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CI reads this log to prove that the PostgreSQL tests ran rather than skipped. */
    private static synchronized void recordUse(String schema) {
        try {
            Path log = Path.of("target", "postgres-test-schemas.log");
            Files.createDirectories(log.getParent());
            Files.writeString(log, schema + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pgUrl() {
        String url = System.getenv("MAMORI_TEST_DB_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    public static String pgUser() {
        String u = System.getenv("MAMORI_TEST_DB_USER");
        return u == null ? "postgres" : u;
    }

    public static String pgPassword() {
        String p = System.getenv("MAMORI_TEST_DB_PASSWORD");
        return p == null ? "" : p;
    }

    /** A fresh, empty schema on the test PostgreSQL server, or a visible skip. */
    public static DatabaseSettings postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + pgUrl() + " (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("MAMORI_REQUIRE_POSTGRES"))) {
                throw new AssertionError("PostgreSQL tests are required (MAMORI_REQUIRE_POSTGRES=1) but " + reason, e);
            }
            System.out.println("SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
        recordUse(schema);
        String sep = pgUrl().contains("?") ? "&" : "?";
        return new DatabaseSettings(pgUrl() + sep + "currentSchema=" + schema, pgUser(), pgPassword());
    }
}
