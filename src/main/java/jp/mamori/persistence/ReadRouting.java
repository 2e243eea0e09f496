package jp.mamori.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Sends the reads of read-only requests to a PostgreSQL read replica ({@code MAMORI_DB_READ_URL}) and
 * everything else to the primary. Only while the thread is in a read scope (a GET of a page or the
 * API, see {@link Database#readOnly()}) and outside a unit of work does a connection route at all;
 * then, statement by statement: a plain {@code SELECT} (no locking clause, no sequence, advisory-lock
 * or setting function) in auto-commit mode goes to
 * the replica, and every other statement — any write, any statement once the connection left
 * auto-commit or wrote once, anything through a plain {@code Statement} — goes to the primary. So a
 * write never reaches the replica whatever the caller does, and a connection reads its own writes. A
 * replica that cannot be reached is passed over for the primary.
 */
final class ReadRouting implements DataSource {

    private static final ThreadLocal<int[]> SCOPE = ThreadLocal.withInitial(() -> new int[1]);
    private static final Pattern READ = Pattern.compile(
            "(?is)^\\s*select\\b(?!.*\\b(for\\s+(update|share|no\\s+key\\s+update|key\\s+share)|nextval|setval|pg_advisory\\w*|set_config|pg_notify)\\b).*");

    private final UnitOfWork primary;
    private final DataSource replica;
    final AtomicLong replicaStatements = new AtomicLong(), primaryStatements = new AtomicLong(), replicaFailures = new AtomicLong();

    ReadRouting(UnitOfWork primary, DataSource replica) {
        this.primary = primary;
        this.replica = replica;
    }

    boolean hasReplica() {
        return replica != null;
    }

    static void enter() {
        SCOPE.get()[0]++;
    }

    static void exit() {
        int[] depth = SCOPE.get();
        if (--depth[0] <= 0) SCOPE.remove();
    }

    static boolean reading() {
        return SCOPE.get()[0] > 0;
    }

    static boolean isRead(String sql) {
        return sql != null && READ.matcher(sql).matches();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (replica == null || !reading() || primary.active()) return primary.getConnection();
        Routed r = new Routed();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, r);
    }

    /** One connection as the caller sees it: a replica connection and a primary one, each taken when first needed. */
    private final class Routed implements InvocationHandler {
        private Connection onPrimary, onReplica;
        private boolean autoCommit = true, wrote, closed;

        private Connection primaryConnection() throws SQLException {
            if (onPrimary == null) {
                onPrimary = primary.getConnection();
                if (!autoCommit) onPrimary.setAutoCommit(false);
            }
            return onPrimary;
        }

        private Connection replicaConnection() {
            if (onReplica == null) {
                try {
                    onReplica = replica.getConnection();
                } catch (SQLException e) {
                    replicaFailures.incrementAndGet();
                    return null;
                }
            }
            return onReplica;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            try {
                switch (name) {
                    case "close":
                        if (closed) return null;
                        closed = true;
                        try {
                            if (onReplica != null) onReplica.close();
                        } finally {
                            if (onPrimary != null) onPrimary.close();
                        }
                        return null;
                    case "isClosed":
                        return closed;
                    case "getAutoCommit":
                        return autoCommit;
                    case "setAutoCommit":
                        autoCommit = (Boolean) args[0];
                        if (onPrimary != null || !autoCommit) primaryConnection().setAutoCommit(autoCommit);
                        return null;
                    case "commit":
                    case "rollback":
                        if (onPrimary != null) return m.invoke(onPrimary, args);
                        return null;
                    case "unwrap":
                    case "isWrapperFor":
                    case "hashCode":
                    case "equals":
                    case "toString":
                        if (name.equals("equals")) return proxy == args[0];
                        if (name.equals("hashCode")) return System.identityHashCode(proxy);
                        if (name.equals("toString")) return "routed connection";
                        return m.invoke(primaryConnection(), args);
                    case "prepareStatement":
                        String sql = (String) args[0];
                        if (autoCommit && !wrote && isRead(sql)) {
                            Connection r = replicaConnection();
                            if (r != null) {
                                replicaStatements.incrementAndGet();
                                return m.invoke(r, args);
                            }
                        } else if (!isRead(sql)) {
                            wrote = true;
                        }
                        primaryStatements.incrementAndGet();
                        return m.invoke(primaryConnection(), args);
                    default:
                        // createStatement, prepareCall, metadata, isolation, savepoints: the primary
                        if (name.equals("createStatement") || name.equals("prepareCall")) {
                            wrote = true;
                            primaryStatements.incrementAndGet();
                        }
                        return m.invoke(primaryConnection(), args);
                }
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are fixed by the pool");
    }

    @Override public PrintWriter getLogWriter() throws SQLException { return primary.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { primary.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { primary.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return primary.getLoginTimeout(); }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return primary.getParentLogger(); }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return (T) this;
        return primary.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || primary.isWrapperFor(iface);
    }
}
