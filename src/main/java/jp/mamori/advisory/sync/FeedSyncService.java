package jp.mamori.advisory.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.mamori.advisory.Source;
import jp.mamori.persistence.Database;

/**
 * {@code mamori feeds sync}: runs the online clients one after the other, hands every downloaded
 * document to the {@link DocumentHandler} (the importer), and records each source's success or
 * failure in {@code feed_source} for {@code feeds status}. A failing source does not stop the others.
 *
 * <pre>
 * FeedSyncService sync = new FeedSyncService(SyncSettings.load(file, System.getenv()), database,
 *         dataDir.resolve("feeds"), (source, file) -> importer.importDocument(...));
 * SyncSummary summary = sync.sync(Set.of(), reporter);   // empty set: every online source
 * </pre>
 */
public final class FeedSyncService {

    /** The sources that can be synchronised online, in the order they run ({@link Source#onlineSources()}). */
    public static final List<Source> ONLINE_SOURCES = Source.onlineSources();

    private final SyncEnvironment env;
    private final DocumentHandler handler;

    /** Production: system clock, real sleeps, a new HttpClient. */
    public FeedSyncService(SyncSettings settings, Database database, Path feedCacheDir, DocumentHandler handler) {
        this(settings, database.dataSource(), feedCacheDir, handler, Clock.systemUTC(), Sleeper.SYSTEM, null);
    }

    /**
     * @param random jitter source in [0, 1); null for a real random
     */
    public FeedSyncService(SyncSettings settings, DataSource dataSource, Path feedCacheDir, DocumentHandler handler, Clock clock,
                           Sleeper sleeper, DoubleSupplier random) {
        HttpFetcher fetcher = new HttpFetcher(HttpFetcher.newHttpClient(settings), settings, clock, sleeper, random);
        this.env = new SyncEnvironment(settings, fetcher, new FeedCache(feedCacheDir), new SyncStateStore(dataSource), clock, sleeper);
        this.handler = handler;
    }

    public SyncEnvironment environment() {
        return env;
    }

    /**
     * Synchronises the given sources (empty: all of {@link #ONLINE_SOURCES}).
     *
     * @throws IllegalArgumentException a source that has no online feed (e.g. csaf): bad usage
     */
    public SyncSummary sync(Set<Source> sources, ProgressReporter reporter) {
        ProgressReporter rep = reporter == null ? ProgressReporter.NONE : reporter;
        Set<Source> wanted = sources == null || sources.isEmpty() ? new LinkedHashSet<>(ONLINE_SOURCES) : sources;
        List<Source> unsupported = wanted.stream().filter(s -> !ONLINE_SOURCES.contains(s)).collect(Collectors.toList());
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("no online sync for " + unsupported.stream().map(Source::key).collect(Collectors.joining(", "))
                    + "; online sources: " + ONLINE_SOURCES.stream().map(Source::key).collect(Collectors.joining(", "))
                    + " (import files of other sources with 'feeds import')");
        }
        List<SyncSummary.SourceResult> results = new ArrayList<>();
        boolean interrupted = false;
        for (Source source : ONLINE_SOURCES) {
            if (!wanted.contains(source)) continue;
            if (interrupted) {
                results.add(new SyncSummary.SourceResult(source, SyncSummary.Outcome.SKIPPED, 0, 0, 0, "not run: sync interrupted", Duration.ZERO));
                continue;
            }
            SyncSummary.SourceResult r = runOne(client(source), rep);
            results.add(r);
            rep.sourceFinished(r);
            if (r.outcome() == SyncSummary.Outcome.FAILED && Thread.currentThread().isInterrupted()) interrupted = true;
        }
        return new SyncSummary(Collections.unmodifiableList(results));
    }

    private SourceSyncClient client(Source source) {
        return switch (source) {
            case NVD -> new NvdSyncClient(env);
            case KEV -> new KevSyncClient(env);
            case EPSS -> new EpssSyncClient(env);
            case JVN -> new MyJvnSyncClient(env);
            case OSV -> new OsvSyncClient(env);
            default -> throw new IllegalArgumentException("no online sync for " + source.key());
        };
    }

    private SyncSummary.SourceResult runOne(SourceSyncClient client, ProgressReporter rep) {
        Source source = client.source();
        Instant started = env.clock().instant();
        SourceSyncClient.RunStats stats = new SourceSyncClient.RunStats();
        rep.sourceStarted(source);
        try {
            String line = client.sync(handler, rep, stats);
            env.state().recordSuccess(source, env.clock().instant());
            SyncSummary.Outcome outcome = line.startsWith("unchanged") ? SyncSummary.Outcome.UNCHANGED : SyncSummary.Outcome.UPDATED;
            return new SyncSummary.SourceResult(source, outcome, stats.documents(), stats.bytes(), stats.requests(), line,
                    Duration.between(started, env.clock().instant()));
        } catch (FeedSyncException e) {
            return failed(source, started, stats, source.key() + " sync failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, started, stats, source.key() + " sync interrupted; the next sync resumes where it stopped");
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return failed(source, started, stats, source.key() + " sync failed: " + m);
        }
    }

    private SyncSummary.SourceResult failed(Source source, Instant started, SourceSyncClient.RunStats stats, String message) {
        try {
            env.state().recordFailure(source, env.clock().instant(), message);
        } catch (RuntimeException ignored) {
            // recording must not hide the error itself
        }
        return new SyncSummary.SourceResult(source, SyncSummary.Outcome.FAILED, stats.documents(), stats.bytes(), stats.requests(), message,
                Duration.between(started, env.clock().instant()));
    }
}
