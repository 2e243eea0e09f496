package jp.mamori.app.jobs;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.store.ImportListener;
import jp.mamori.advisory.sync.ProgressReporter;
import jp.mamori.advisory.sync.SyncSettings;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.feeds.ImportFeeds;
import jp.mamori.app.feeds.SyncFeeds;
import jp.mamori.persistence.JobQueue;
import jp.mamori.remediation.schedule.DailyReport;
import jp.mamori.triage.policy.TriagePolicy;

/**
 * One node's share of the background work: every {@code poll} it takes one due job from the job
 * table (if any) and runs it, renewing the lease while it works; it heartbeats the node table; and
 * when a daily run time is set ({@code MAMORI_DAILY_RUN_AT=HH:mm[:ss]}, Asia/Tokyo) it asks for that
 * day's run, which the job table deduplicates across nodes. Plain threads, no Spring: the server
 * starts it, {@code mamori jobs work} runs it without the web UI.
 */
public final class JobWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

    public record Settings(Duration lease, Duration poll, LocalTime dailyRunAt) {
        public static Settings from(Map<String, String> env) {
            Duration lease = Duration.ofSeconds(positive(env.get("MAMORI_JOB_LEASE_SECONDS"), 60));
            Duration poll = Duration.ofMillis(positive(env.get("MAMORI_JOB_POLL_MS"), 1000));
            String at = env.get("MAMORI_DAILY_RUN_AT");
            LocalTime daily = null;
            if (at != null && !at.isBlank()) {
                try {
                    daily = LocalTime.parse(at.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("MAMORI_DAILY_RUN_AT: HH:mm を指定してください / expected HH:mm, got '" + at + "'");
                }
            }
            return new Settings(lease, poll, daily);
        }

        private static long positive(String s, long dflt) {
            if (s == null || !s.trim().matches("\\d{1,9}") || Long.parseLong(s.trim()) == 0) return dflt;
            return Long.parseLong(s.trim());
        }
    }

    private final Mamori mamori;
    private final JobQueue queue;
    private final Settings settings;
    private final String nodeId;
    private final String host;
    private final Instant started;
    private final AtomicReference<JobQueue.Job> current = new AtomicReference<>();
    private ScheduledExecutorService executor;
    private volatile LocalDate dailyAskedFor;

    public JobWorker(Mamori mamori, Settings settings, String nodeId) {
        this.mamori = mamori;
        this.queue = mamori.jobQueue();
        this.settings = settings;
        this.host = hostName();
        this.nodeId = nodeId == null || nodeId.isBlank() ? host + "-" + UUID.randomUUID().toString().substring(0, 8) : nodeId.strip();
        this.started = mamori.clock().instant();
    }

    public String nodeId() {
        return nodeId;
    }

    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "mamori-jobs-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        queue.heartbeat(nodeId, host, started);
        long pollMs = settings.poll().toMillis();
        executor.scheduleWithFixedDelay(this::safeTick, pollMs, pollMs, TimeUnit.MILLISECONDS);
        long renewMs = Math.max(200, settings.lease().toMillis() / 3);
        executor.scheduleWithFixedDelay(this::renew, renewMs, renewMs, TimeUnit.MILLISECONDS);
        LOG.info(() -> "job worker " + nodeId + " started (lease " + settings.lease().toSeconds() + " s"
                + (settings.dailyRunAt() == null ? "" : ", daily run at " + settings.dailyRunAt() + " JST") + ")");
    }

    private void safeTick() {
        try {
            askForDailyRun();
            runOne();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job worker " + nodeId + ": " + e.getMessage(), e);
        }
    }

    /** The daily run, once the day's time has come (every node asks; the job table keeps one). */
    void askForDailyRun() {
        if (settings.dailyRunAt() == null) return;
        ZonedDateTime now = mamori.clock().instant().atZone(TriagePolicy.TOKYO);
        LocalDate today = now.toLocalDate();
        if (today.equals(dailyAskedFor) || now.toLocalTime().isBefore(settings.dailyRunAt())) return;
        JobQueue.Enqueued e = new BackgroundJobs(mamori).dailyRun(Actor.system("scheduler@" + nodeId), today);
        dailyAskedFor = today;
        LOG.info(() -> "daily run " + today + ": " + (e.created() ? "queued as job " : "already queued as job ") + e.job().id());
    }

    /** Takes and runs one due job; false when there was none. */
    public boolean runOne() {
        Optional<JobQueue.Job> claimed = queue.claim(nodeId, settings.lease(), Set.of(BackgroundJobs.DAILY_RUN, BackgroundJobs.FEEDS_IMPORT, BackgroundJobs.FEEDS_SYNC));
        if (claimed.isEmpty()) return false;
        JobQueue.Job job = claimed.get();
        current.set(job);
        LOG.info(() -> "job " + job.id() + " " + job.kind() + " taken by " + nodeId + " (attempt " + job.attempts() + ")");
        try {
            String result = execute(job);
            if (!queue.complete(job.id(), nodeId, result)) {
                LOG.warning(() -> "job " + job.id() + ": lease lost before it finished; the other node's result stands");
            } else {
                LOG.info(() -> "job " + job.id() + " done: " + result);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job " + job.id() + " failed: " + e.getMessage(), e);
            queue.fail(job.id(), nodeId, e.getClass().getSimpleName() + ": " + e.getMessage(), Duration.ofSeconds(30));
        } finally {
            current.set(null);
        }
        return true;
    }

    private void renew() {
        try {
            queue.heartbeat(nodeId, host, started);
            JobQueue.Job job = current.get();
            if (job != null && !queue.renew(job.id(), nodeId, settings.lease())) {
                LOG.warning(() -> "job " + job.id() + ": this node no longer holds the lease");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job lease renewal: " + e.getMessage(), e);
        }
    }

    private String execute(JobQueue.Job job) {
        Map<String, String> p = JobPayload.read(job.payload());
        Actor actor = Actor.system("job:" + job.id() + "@" + nodeId + " for " + job.requestedBy());
        switch (job.kind()) {
            case BackgroundJobs.DAILY_RUN: {
                DailyReport r = mamori.runDaily().run(actor);
                return String.valueOf(r);
            }
            case BackgroundJobs.FEEDS_IMPORT: {
                List<Path> paths = new ArrayList<>();
                for (String s : p.getOrDefault("paths", "").split("\n")) if (!s.isBlank()) paths.add(Path.of(s));
                ImportFeeds.Result r = mamori.importFeeds().run(actor, paths, p.get("source"), ImportListener.NONE);
                if (r.summary().failed() && r.summary().documents() == 0) {
                    throw new IllegalStateException(String.join("; ", r.summary().failures()));
                }
                return "documents=" + r.summary().documents() + " failed=" + r.summary().failures().size() + " " + r.summary().stats()
                        + " findings new=" + r.findings().detected() + " closed=" + r.findings().closed();
            }
            case BackgroundJobs.FEEDS_SYNC: {
                Set<Source> wanted = SyncFeeds.sources(p.containsKey("sources") ? List.of(p.get("sources").split(",")) : null);
                SyncSettings s;
                try {
                    s = SyncSettings.load(null, mamori.settings().env());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                SyncFeeds.Result r = mamori.syncFeeds().run(actor, s, wanted, ProgressReporter.NONE, ImportListener.NONE);
                return String.valueOf(r.summary());
            }
            default:
                throw new IllegalStateException("unknown job kind " + job.kind());
        }
    }

    @Override
    public synchronized void close() {
        if (executor == null) return;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            queue.leave(nodeId);
        } catch (RuntimeException ignored) {
            // the database is going away too
        }
        executor = null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }
}
