package jp.mamori.advisory.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongConsumer;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.Source;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.SqlDialect;

/**
 * Imports one feed document in one transaction: all of its records are stored, or none. A
 * malformed document is rolled back and its error is recorded for {@code feeds status}.
 */
public final class FeedImporter {

    /** Result of one document. */
    public record DocumentResult(String name, Source source, ImportStats stats, Set<String> touchedVulnerabilities) { }

    private final Database database;
    private final Clock clock;

    /** Whether statements and keys are written in bulk (the default; false only to compare with the row-by-row writes). */
    private final boolean bulk;

    public FeedImporter(Database database, Clock clock) {
        this(database, clock, true);
    }

    FeedImporter(Database database, Clock clock, boolean bulk) {
        this.database = database;
        this.clock = clock;
        this.bulk = bulk;
    }

    /**
     * Parses and stores one document.
     *
     * @param name     shown in messages (file name, or archive!entry)
     * @param progress receives the running record count (for the terminal progress line)
     */
    public DocumentResult importDocument(FeedParser parser, InputStream in, String name, LongConsumer progress)
            throws FeedFormatException, IOException {
        Source source = parser.source();
        Instant now = clock.instant();
        try {
            return database.inTransaction(c -> {
                try (KnowledgeBaseWriter writer = new KnowledgeBaseWriter(c, SqlDialect.of(database.settings()), now, progress, bulk)) {
                    // Parsed on a second thread while this one stores (one transaction, document order).
                    OverlappedParse.parse(parser, in, name, writer);
                    writer.flush();
                    recordSuccess(c, source, now);
                    return new DocumentResult(name, source, writer.stats(), new LinkedHashSet<>(writer.touchedVulnerabilities()));
                }
            });
        } catch (Database.TransactionFailedException e) {
            recordFailure(source, now, e.getCause().getMessage());
            if (e.getCause() instanceof FeedFormatException f) throw f;
            if (e.getCause() instanceof IOException io) throw io;
            throw e;
        } catch (RuntimeException e) {
            recordFailure(source, now, e.getMessage());
            throw e;
        }
    }

    static void recordSuccess(Connection c, Source source, Instant now) throws SQLException {
        ensureRow(c, source);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE feed_source SET last_update = ?, last_success = ? WHERE source = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, source.key());
            ps.executeUpdate();
        }
    }

    /** In its own transaction: the failed document's transaction has been rolled back. */
    public void recordFailure(Source source, Instant now, String message) {
        try {
            database.inTransaction(c -> {
                ensureRow(c, source);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE feed_source SET last_error = ?, last_error_at = ? WHERE source = ?")) {
                    ps.setString(1, message == null ? "unknown error" : truncate(message, 2000));
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setString(3, source.key());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException ignored) {
            // Recording the error must never hide the error itself.
        }
    }

    static void ensureRow(Connection c, Source source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO feed_source (source) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM feed_source WHERE source = ?)")) {
            ps.setString(1, source.key());
            ps.setString(2, source.key());
            ps.executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
