package jp.mamori.advisory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import jp.mamori.advisory.Advisory;

/**
 * Is a statement whose hash differs from the stored one the same statement all the same? Rows
 * written before the canonical order of aliases and descriptions (issue 13 defect 3) hash the same
 * content differently; they are compared as statements and, when equal, their stored JSON is
 * brought to the canonical form without counting as a change (no rewrite of the facts, no
 * re-match, no notification).
 */
final class StoredStatementCheck implements AutoCloseable {

    private final PreparedStatement read;
    private final PreparedStatement canonicalise;
    private int pending;

    StoredStatementCheck(Connection connection) throws SQLException {
        read = connection.prepareStatement("SELECT payload FROM advisory_statement WHERE id = ?");
        canonicalise = connection.prepareStatement("UPDATE advisory_statement SET content_hash = ?, payload = ? WHERE id = ?");
    }

    /** True when the stored statement equals {@code a}; then its JSON is queued to be stored canonically. */
    boolean sameAsStored(long id, Advisory a, String payload, String hash) throws SQLException {
        read.setLong(1, id);
        String stored;
        try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) return false;
            stored = rs.getString(1);
        }
        Advisory before;
        try {
            before = KnowledgeBase.parse(stored);
        } catch (KnowledgeBaseException e) {
            return false;
        }
        if (!before.equals(a)) return false;
        canonicalise.setString(1, hash);
        canonicalise.setString(2, payload);
        canonicalise.setLong(3, id);
        canonicalise.addBatch();
        pending++;
        return true;
    }

    void flush() throws SQLException {
        if (pending > 0) canonicalise.executeBatch();
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        read.close();
        canonicalise.close();
    }
}
