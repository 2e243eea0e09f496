package jp.mamori.advisory.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.mamori.advisory.Source;
import jp.mamori.persistence.Database;

/** Clock, sleeper, handler and database helpers of the sync tests. */
final class SyncTestSupport {

    static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

    private SyncTestSupport() { }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) { this.now = now; }

        void set(Instant i) { now = i; }

        void advance(Duration d) { now = now.plus(d); }

        @Override
        public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(ZoneId zone) {
            MutableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() { return zone; }

                @Override
                public Clock withZone(ZoneId z) { return self.withZone(z); }

                @Override
                public Instant instant() { return self.instant(); }
            };
        }

        @Override
        public Instant instant() { return now; }
    }

    /** Records the waits instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration d) { waits.add(d); }
    }

    /** Collects the handed documents; can be told to fail on the n-th one. */
    static final class RecordingHandler implements DocumentHandler {
        final List<Path> files = Collections.synchronizedList(new ArrayList<>());
        final List<Source> sources = Collections.synchronizedList(new ArrayList<>());
        volatile int failOnCall = -1;
        private int calls;

        @Override
        public synchronized void handle(Source source, Path file) throws Exception {
            calls++;
            if (calls == failOnCall) throw new Exception(file.getFileName() + ": simulated import failure");
            files.add(file);
            sources.add(source);
        }
    }

    static void clearFeedSources(Database db) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM feed_source");
        }
    }

    /** {last_success, last_error} of a source's feed_source row (null when no row). */
    static String[] feedSourceRow(Database db, Source source) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT last_success, last_error, sync_cursor FROM feed_source WHERE source = ?")) {
            ps.setString(1, source.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new String[] {String.valueOf(rs.getTimestamp(1)), rs.getString(2), rs.getString(3)};
            }
        }
    }

    static SyncSettings.Builder localSettings(ReplayServer server) {
        return SyncSettings.builder()
                .nvdUrl(server.uri("/rest/json/cves/2.0"))
                .kevUrl(server.uri("/kev/known_exploited_vulnerabilities.json"))
                .epssUrl(server.uri("/epss/epss_scores-current.csv.gz"))
                .jvnUrl(server.uri("/myjvn"))
                .osvUrlTemplate(server.uri("/osv").toString() + "/{ecosystem}/all.zip")
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(20));
    }
}
