package jp.mamori.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One transaction across code that was written to open its own: while a unit of work is bound
 * to the current thread, every connection this data source hands out on that thread is the
 * unit's connection, and their commit, rollback, auto-commit and close are ignored, so that the
 * unit commits all of it or rolls all of it back. A user action such as "add an SBOM" (store it,
 * match it, record findings, write the audit entry) thereby has exactly one outcome: what the
 * caller is told is what is stored.
 *
 * <p>Only the thread that began the unit joins it; other threads (a concurrent import) keep their
 * own connections. A unit is never nested: an inner {@code begin} joins the outer one.
 */
final class UnitOfWork implements DataSource {

    private final DataSource pool;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    UnitOfWork(DataSource pool) {
        this.pool = pool;
    }

    boolean active() {
        return bound.get() != null;
    }

    <T> T run(Database.SqlWork<T> work) {
        if (active()) {
            try {
                return work.run(joined(bound.get()));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new Database.TransactionFailedException(e);
            }
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            bound.set(c);
            try {
                T result = work.run(joined(c));
                c.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } catch (Exception e) {
                rollbackQuietly(c, e);
                throw new Database.TransactionFailedException(e);
            } catch (Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                bound.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new Database.TransactionFailedException(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = bound.get();
        return c == null ? pool.getConnection() : joined(c);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection c = bound.get();
        return c == null ? pool.getConnection(username, password) : joined(c);
    }

    /** The unit's connection as inner code sees it: its own transaction control does nothing. */
    private static Connection joined(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close", "commit", "setAutoCommit":
                    return null;
                case "rollback":
                    if (args == null || args.length == 0) return null; // a savepoint rollback is the inner code's own
                    break;
                case "getAutoCommit":
                    return false;
                case "isClosed":
                    return false;
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) return proxy;
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(UnitOfWork.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
