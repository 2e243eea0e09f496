package jp.mamori.advisory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code INSERT INTO t (...) VALUES (...), (...), ...}: many rows per executed statement (issue 16,
 * P3). An embedded H2 runs a JDBC batch one row at a time, each with the whole statement's set-up;
 * one multi-row statement adds its rows in one go.
 */
final class MultiRowInsert implements AutoCloseable {

    private final Connection connection;
    private final String head;
    private final int columns;
    private final int rowsPerStatement;
    private final List<Object> values = new ArrayList<>();
    private PreparedStatement full;

    private final String tail;

    MultiRowInsert(Connection connection, String table, List<String> columns, int rowsPerStatement) {
        this(connection, table, columns, rowsPerStatement, "");
    }

    /** @param tail what follows the rows, e.g. PostgreSQL's {@code ON CONFLICT ...} */
    MultiRowInsert(Connection connection, String table, List<String> columns, int rowsPerStatement, String tail) {
        this.tail = tail;
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.columns = columns.size();
        this.rowsPerStatement = rowsPerStatement;
    }

    void add(Object... row) {
        if (row.length != columns) throw new IllegalArgumentException("expected " + columns + " values");
        Collections.addAll(values, row);
    }

    int pendingRows() {
        return values.size() / columns;
    }

    void flush() throws SQLException {
        int rows = pendingRows();
        int at = 0;
        while (rows - at >= rowsPerStatement) {
            if (full == null) full = connection.prepareStatement(sql(rowsPerStatement));
            bind(full, at, rowsPerStatement);
            full.executeUpdate();
            at += rowsPerStatement;
        }
        if (rows > at) {
            try (PreparedStatement rest = connection.prepareStatement(sql(rows - at))) {
                bind(rest, at, rows - at);
                rest.executeUpdate();
            }
        }
        values.clear();
    }

    private void bind(PreparedStatement ps, int fromRow, int rows) throws SQLException {
        int base = fromRow * columns;
        for (int i = 0; i < rows * columns; i++) ps.setObject(i + 1, values.get(base + i));
    }

    private String sql(int rows) {
        StringBuilder row = new StringBuilder("(");
        for (int i = 0; i < columns; i++) row.append(i == 0 ? "?" : ", ?");
        row.append(')');
        StringBuilder sb = new StringBuilder(head.length() + rows * (row.length() + 2)).append(head);
        for (int i = 0; i < rows; i++) sb.append(i == 0 ? "" : ", ").append(row);
        return sb.append(tail).toString();
    }

    @Override
    public void close() throws SQLException {
        if (full != null) full.close();
    }
}
