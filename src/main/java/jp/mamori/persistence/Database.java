package jp.mamori.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The one way into the database for the CLI and the server: opens a pool, refuses a schema that
 * is newer than this application, and applies pending migrations. The same Flyway scripts serve
 * H2 and PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    /** What everyone gets as the data source: the pool, or the current thread's unit of work. */
    private final UnitOfWork dataSource;

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.dataSource = new UnitOfWork(pool);
    }

    public static Database open(DatabaseSettings settings) {
        Path dir = settings.embeddedDirectory();
        if (dir != null) {
            OwnerOnly.directory(dir);
            OwnerOnly.precreate(dir.resolve(DatabaseSettings.FILE_NAME + ".trace.db"));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(poolSize(settings));
        config.setPoolName("mamori");
        config.setConnectionTimeout(10_000);
        // Fail at once with our message instead of retrying for the whole connection timeout.
        config.setInitializationFailTimeout(1);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (dir != null && inUseByAnotherProcess(e)) {
                throw new DatabaseUnavailableException("データベース " + dir + " は別のMamoriのプロセス（mamori serve など）が使用中です。"
                        + "サーバーを停止してから実行するか、Web画面またはAPI（/api/v1）から操作してください / the database in " + dir
                        + " is in use by another Mamori process (e.g. `mamori serve`); stop it first, or use the web UI or the API instead", e);
            }
            throw new DatabaseUnavailableException("データベースに接続できません / cannot connect to the database "
                    + settings.displayUrl() + ": " + rootMessage(e), e);
        }
        if (dir != null) OwnerOnly.filesIn(dir);
        Database db = new Database(settings, ds);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        if (dir != null) OwnerOnly.filesIn(dir);
        return db;
    }

    /**
     * The newest migration this build ships ({@code V<n>__*.sql}); {@code MigrationIndexTest} keeps it
     * honest. When the database is already there, opening it skips Flyway's scan, which costs
     * seconds on a cold CLI start.
     */
    static final int LATEST_MIGRATION = 28;

    private void migrate() {
        Integer installed = installedVersion();
        if (installed != null && installed == LATEST_MIGRATION) return;
        if (installed != null && installed > LATEST_MIGRATION) {
            throw new DatabaseUnavailableException("データベースのスキーマがこのMamoriより新しいため使用できません / the database schema is newer than this Mamori "
                    + "(schema version " + installed + ", this Mamori knows up to " + LATEST_MIGRATION + "); upgrade Mamori");
        }
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .load();
        MigrationInfo[] future;
        try {
            future = Arrays.stream(flyway.info().all())
                    .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS || i.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("データベースに接続できません / cannot read the database schema at "
                    + settings.displayUrl() + ": " + rootMessage(e), e);
        }
        if (future.length > 0) {
            String versions = Arrays.stream(future).map(i -> String.valueOf(i.getVersion())).collect(Collectors.joining(", "));
            throw new DatabaseUnavailableException("データベースのスキーマがこのMamoriより新しいため使用できません / the database schema is newer than this Mamori (applied migrations "
                    + versions + " are unknown to it); upgrade Mamori");
        }
        try {
            MigrateResult result = flyway.migrate();
            if (!result.success) {
                throw new DatabaseUnavailableException("schema migration failed: " + result.warnings);
            }
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("スキーマの更新に失敗しました / schema migration failed: " + rootMessage(e), e);
        }
    }

    /** Highest successfully applied migration, or null when there is no schema history yet. */
    private Integer installedVersion() {
        try (Connection c = dataSource.getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")) {
            int max = -1;
            while (rs.next()) {
                try {
                    max = Math.max(max, Integer.parseInt(rs.getString(1)));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return max < 0 ? null : max;
        } catch (SQLException e) {
            return null;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs work in one transaction: all of it is stored, or none. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e instanceof RuntimeException re ? re : new TransactionFailedException(e);
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a whole user action in one transaction, including code that opens connections of its
     * own on this thread (see {@link UnitOfWork}); nested calls join the outer unit.
     */
    public <T> T inUnitOfWork(SqlWork<T> work) {
        return dataSource.run(work);
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Room for the server's concurrent requests plus a background import: a request holds one
     * connection for its whole action (see {@link #inUnitOfWork}), and waits for a busy asset
     * before it takes one. {@code MAMORI_DB_POOL_SIZE} overrides.
     */
    static int poolSize(DatabaseSettings settings) {
        String env = System.getenv("MAMORI_DB_POOL_SIZE");
        if (env != null && env.matches("\\d{1,3}") && Integer.parseInt(env) > 0) return Integer.parseInt(env);
        return settings.isEmbedded() ? 12 : 20;
    }

    /** H2's "database may be already in use" (90020): another process holds the file lock. */
    private static boolean inUseByAnotherProcess(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && s.getErrorCode() == 90020) return true;
            if (c.getMessage() != null && c.getMessage().contains("already in use")) return true;
        }
        return false;
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws Exception;
    }

    /** Wraps a checked failure inside a transaction; the cause is the original problem. */
    public static class TransactionFailedException extends RuntimeException {
        public TransactionFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
