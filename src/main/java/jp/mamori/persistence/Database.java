package jp.mamori.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Function;
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
    /** The read replica's pool ({@code MAMORI_DB_READ_URL}), or null. */
    private final HikariDataSource replicaPool;
    /** The pool, or the current thread's unit of work. */
    private final UnitOfWork dataSource;
    /** What everyone gets as the data source: the unit of work, with read-only requests' reads on the replica. */
    private final ReadRouting routing;

    private Database(DatabaseSettings settings, HikariDataSource pool, HikariDataSource replicaPool) {
        this.settings = settings;
        this.pool = pool;
        this.replicaPool = replicaPool;
        this.dataSource = new UnitOfWork(pool);
        this.routing = new ReadRouting(dataSource, replicaPool);
    }

    public static Database open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /**
     * The database, and — when {@code replica} is given (PostgreSQL only) — a read replica for the
     * reads of read-only requests ({@link #readOnly()}). The replica is never migrated or written.
     */
    public static Database open(DatabaseSettings settings, DatabaseSettings replica) {
        if (replica != null && !(settings.isPostgres() && replica.isPostgres())) {
            throw new DatabaseUnavailableException("MAMORI_DB_READ_URL は PostgreSQL（MAMORI_DB_URL）と組み合わせて使います / "
                    + "a read replica (MAMORI_DB_READ_URL) needs a PostgreSQL primary (MAMORI_DB_URL) and is a PostgreSQL URL itself");
        }
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
        HikariDataSource read = null;
        if (replica != null) {
            HikariConfig rc = new HikariConfig();
            rc.setJdbcUrl(replica.url());
            rc.setUsername(replica.user());
            rc.setPassword(replica.password());
            rc.setMaximumPoolSize(poolSize(settings));
            rc.setPoolName("mamori-read");
            rc.setReadOnly(true);
            rc.setConnectionTimeout(10_000);
            rc.setInitializationFailTimeout(1);
            try {
                read = new HikariDataSource(rc);
            } catch (RuntimeException e) {
                ds.close();
                throw new DatabaseUnavailableException("読み取り用レプリカに接続できません / cannot connect to the read replica "
                        + replica.displayUrl() + ": " + rootMessage(e), e);
            }
        }
        Database db = new Database(settings, ds, read);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
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
    static final int LATEST_MIGRATION = 34;

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
        return routing;
    }

    /** A read-only request: until closed, this thread's plain reads may be served by the read replica (nothing changes without one). */
    public ReadScope readOnly() {
        ReadRouting.enter();
        return ReadRouting::exit;
    }

    /** Closes a {@link #readOnly()} scope. */
    @FunctionalInterface
    public interface ReadScope extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether a read replica is configured. */
    public boolean hasReadReplica() {
        return routing.hasReplica();
    }

    /** Statements sent to the replica and to the primary from read scopes, and replica connections that failed (for tests and operators). */
    public long[] readRoutingCounts() {
        return new long[] {routing.replicaStatements.get(), routing.primaryStatements.get(), routing.replicaFailures.get()};
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs work in one transaction: all of it is stored, or none. */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction(dataSource, work, TransactionFailedException::new,
                e -> new DatabaseUnavailableException("database error: " + e.getMessage(), e));
    }

    /**
     * Runs work in one transaction on a connection of {@code ds} and gives the connection back with its
     * auto-commit as it was. After the rollback, an unchecked failure of the work is thrown as it is, a
     * checked one as {@code failed} wraps it; a failure of the connection itself (open, roll back, close)
     * as {@code unavailable} wraps it. The stores that hold only a DataSource (the accounts') use this
     * too, so that every transaction commits and rolls back the same way; each edge keeps its own
     * exception types.
     */
    public static <T> T inTransaction(DataSource ds, SqlWork<T> work, Function<Exception, RuntimeException> failed,
                                      Function<SQLException, RuntimeException> unavailable) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e instanceof RuntimeException re ? re : failed.apply(e);
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw unavailable.apply(e);
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
        try {
            if (replicaPool != null) replicaPool.close();
        } finally {
            pool.close();
        }
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
