package jp.mamori.advisory.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The knowledge base's version (table {@code kb_generation}): a random instance id, set once, and a
 * generation raised in the transaction of every document that changes a statement. Whatever derives
 * data from the statements (the compiled match index) records both, to know whether what it holds
 * is still current and is of this database at all.
 *
 * @param instance   null only before {@link #read(DataSource)} first set it
 */
public record KbGeneration(UUID instance, long generation) {

    /** Reads on the caller's connection (inside its transaction); the instance may still be unset. */
    public static KbGeneration read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT instance, generation FROM kb_generation WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return new KbGeneration(null, 0L);
            String instance = rs.getString(1);
            return new KbGeneration(instance == null ? null : UUID.fromString(instance), rs.getLong(2));
        }
    }

    /** Reads, setting the instance id first when this database has none yet. */
    public static KbGeneration read(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            KbGeneration g = read(c);
            // Inside someone's transaction: leave it alone; without an instance no index is used.
            if (g.instance() != null || !c.getAutoCommit()) return g;
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_generation SET instance = ? WHERE id = 1 AND instance IS NULL")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.executeUpdate();
            }
            return read(c);
        } catch (SQLException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base generation: " + e.getMessage(), e);
        }
    }

    /** Raises the generation inside the caller's transaction. */
    static void bump(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kb_generation SET generation = generation + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }
}
