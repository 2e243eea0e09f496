package jp.mamori.advisory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import jp.mamori.persistence.Database;

/**
 * The knowledge base's secondary indexes that a first full import builds after loading instead of
 * row by row (issue 16, P3; ADR 0023): on an empty knowledge base they are dropped before the first
 * document and created again, from the loaded rows, after the last. Each document keeps its own
 * transaction; the indexes are only a faster way to the same rows, so a run stopped in between
 * leaves every committed document readable, and the next import (or {@link #restore}) creates
 * whatever index is missing before it writes. The identity and primary keys are never dropped:
 * the import itself reads by them.
 */
public final class DeferredIndexes {

    /** Name and definition, exactly as the migrations (V2) create them. */
    static final List<String[]> INDEXES = List.of(
            new String[] {"advisory_statement_by_source", "advisory_statement (source)"},
            new String[] {"advisory_cpe_key_by_key", "advisory_cpe_key (cpe_key)"},
            new String[] {"advisory_package_key_by_key", "advisory_package_key (ecosystem, package_name)"},
            new String[] {"vuln_alias_by_vuln", "vuln_alias (vuln_id)"});

    private DeferredIndexes() { }

    /** True when the knowledge base holds no statement (a first import). */
    static boolean empty(Database database) {
        try (Connection c = database.connection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM advisory_statement FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base: " + e.getMessage(), e);
        }
    }

    /** Drops the deferred indexes (each DDL statement on its own, committed). */
    static void drop(Database database) {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String[] index : INDEXES) s.execute("DROP INDEX IF EXISTS " + index[0]);
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot prepare the first import: " + e.getMessage(), e);
        }
    }

    /** Creates every deferred index that is missing (after a first import, or one that was stopped). */
    public static void restore(Database database) {
        // Read first: PostgreSQL's CREATE INDEX IF NOT EXISTS still locks the table against writers.
        List<String> present = present(database);
        if (present.size() == INDEXES.size()) return;
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String[] index : INDEXES) {
                if (!present.contains(index[0])) s.execute("CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + index[1]);
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot build the knowledge base's indexes: " + e.getMessage(), e);
        }
    }

    /** Names of the deferred indexes that exist (for tests and checks). */
    static List<String> present(Database database) {
        String sql = database.settings().isPostgres()
                ? "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?"
                : "SELECT index_name FROM information_schema.indexes WHERE LOWER(index_name) = ?";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            List<String> out = new java.util.ArrayList<>();
            for (String[] index : INDEXES) {
                ps.setString(1, index[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) out.add(index[0]);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base's indexes: " + e.getMessage(), e);
        }
    }
}
