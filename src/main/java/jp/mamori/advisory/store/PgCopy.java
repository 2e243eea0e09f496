package jp.mamori.advisory.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} on the caller's connection, inside its transaction
 * (issue 16, P3): one round trip for hundreds of rows, and the server parses them while this
 * process parses the next ones. Rows are written in COPY's text format.
 */
final class PgCopy {

    private final CopyManager copy;
    private final PreparedStatement reserve;

    PgCopy(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        // COPY returns no generated keys: the statements' ids are taken from the identity's sequence first.
        this.reserve = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('advisory_statement', 'id')) FROM generate_series(1, ?)");
    }

    static boolean supported(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    long[] reserveStatementIds(int n) throws SQLException {
        long[] ids = new long[n];
        reserve.setInt(1, n);
        int i = 0;
        try (ResultSet rs = reserve.executeQuery()) {
            while (rs.next()) ids[i++] = rs.getLong(1);
        }
        if (i != n) throw new SQLException("expected " + n + " statement ids, got " + i);
        java.util.Arrays.sort(ids);
        return ids;
    }

    void copyIn(String table, String columns, Rows rows) throws SQLException {
        if (rows.count == 0) return;
        byte[] bytes = rows.text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new ByteArrayInputStream(bytes), 1 << 16);
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
        rows.clear();
    }

    void close() throws SQLException {
        reserve.close();
    }

    /** Rows in COPY's text format: tab between columns, \N for null, backslash escapes. */
    static final class Rows {
        private final StringBuilder text = new StringBuilder(1 << 16);
        private int count;
        private boolean first = true;

        int count() {
            return count;
        }

        Rows add(String s) {
            sep();
            if (s == null) {
                text.append("\\N");
                return this;
            }
            // Runs without a special character are copied whole: a statement's JSON is mostly such runs.
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                String escaped = switch (ch) {
                    case '\\' -> "\\\\";
                    case '\t' -> "\\t";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    default -> null;
                };
                if (escaped == null) continue;
                text.append(s, from, i).append(escaped);
                from = i + 1;
            }
            text.append(s, from, s.length());
            return this;
        }

        Rows add(long v) {
            sep();
            text.append(v);
            return this;
        }

        Rows add(boolean v) {
            sep();
            text.append(v ? 't' : 'f');
            return this;
        }

        Rows add(Instant i) {
            sep();
            // ISO-8601 with Z: read by timestamptz exactly, whatever the session's time zone.
            text.append(i == null ? "\\N" : i.toString());
            return this;
        }

        void end() {
            text.append('\n');
            first = true;
            count++;
        }

        private void sep() {
            if (!first) text.append('\t');
            first = false;
        }

        void clear() {
            text.setLength(0);
            count = 0;
            first = true;
        }
    }
}
