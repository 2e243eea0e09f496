package jp.mamori.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import jp.mamori.persistence.DatabaseSettings;

/**
 * A PostgreSQL schema of the benchmark's own, made empty before a run so that no figure depends on
 * what an earlier run left; when PostgreSQL is not reachable the run says so and is skipped.
 */
final class BenchSchema {
    private BenchSchema() { }

    /** An empty schema and the settings that open it, or empty (with the reason printed) when PostgreSQL is not reachable. */
    static Optional<DatabaseSettings> fresh(String url, String user, String schema, String run) {
        try {
            execute(url, user, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            System.out.println(run + " skipped: PostgreSQL not reachable at " + url + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
        String sep = url.contains("?") ? "&" : "?";
        return Optional.of(new DatabaseSettings(url + sep + "currentSchema=" + schema, user, ""));
    }

    static void drop(String url, String user, String schema) throws SQLException {
        execute(url, user, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String url, String user, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); var st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }
}
