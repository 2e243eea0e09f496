package jp.mamori.persistence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few statements whose syntax differs between H2 and PostgreSQL: upserts. Everything else
 * is common SQL. H2's MERGE ... KEY and PostgreSQL's INSERT ... ON CONFLICT both batch well.
 */
public enum SqlDialect {
    H2, POSTGRES;

    public static SqlDialect of(DatabaseSettings settings) {
        return settings.isPostgres() ? POSTGRES : H2;
    }

    /** Insert or replace every column of the row identified by the key columns. */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String cols = String.join(", ", columns);
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + params + ")";
        }
        List<String> updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c).toList();
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT (" + String.join(", ", keys) + ") "
                + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + String.join(", ", updates));
    }

    /** Insert the row unless one with the same key exists. */
    public String insertIgnore(String table, List<String> keys, List<String> columns) {
        String cols = String.join(", ", columns);
        String params = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            // MERGE with only key columns updates nothing else: same effect as "ignore".
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + params + ")";
        }
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
    }
}
