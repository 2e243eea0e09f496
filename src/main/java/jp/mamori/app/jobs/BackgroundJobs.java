package jp.mamori.app.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.persistence.JobQueue;

/**
 * "Queue work for whichever node is free": feed imports, feed syncs and the daily run as rows of
 * the job table (ADR 0016), audited when a person asks for them. Any {@code mamori serve} node
 * on the same database takes each job exactly once.
 */
public final class BackgroundJobs {

    /** Job kinds. */
    public static final String DAILY_RUN = "remediation.daily-run";
    public static final String FEEDS_IMPORT = "feeds.import";
    public static final String FEEDS_SYNC = "feeds.sync";

    private final Mamori mamori;

    public BackgroundJobs(Mamori mamori) {
        this.mamori = mamori;
    }

    /**
     * A feed import of files every node can read (shared storage): the paths are checked here, so
     * that a typo fails at once rather than on a node later.
     */
    public JobQueue.Enqueued importFeeds(Actor actor, List<Path> paths, String source) {
        if (paths == null || paths.isEmpty()) throw new InvalidInputException("取り込むファイルを指定してください / name the files to import");
        List<String> absolute = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) throw new InvalidInputException(p + ": ファイルがありません / no such file or directory");
            absolute.add(p.toAbsolutePath().normalize().toString());
        }
        if (source != null && !source.matches("[a-z0-9-]{1,20}")) throw new InvalidInputException("--source: " + source);
        String payload = JobPayload.of("source", source, "paths", String.join("\n", absolute));
        return enqueue(actor, FEEDS_IMPORT, null, payload);
    }

    public JobQueue.Enqueued syncFeeds(Actor actor, List<String> sources) {
        if (sources != null) jp.mamori.app.feeds.SyncFeeds.sources(sources);
        return enqueue(actor, FEEDS_SYNC, null, JobPayload.of("sources", sources == null ? null : String.join(",", sources)));
    }

    /** The daily run of {@code day} (Asia/Tokyo): one job per day however many nodes or people ask. */
    public JobQueue.Enqueued dailyRun(Actor actor, LocalDate day) {
        return enqueue(actor, DAILY_RUN, DAILY_RUN + ":" + day, JobPayload.of("day", day.toString()));
    }

    public List<JobQueue.Job> list(String state, int limit) {
        if (state != null && !List.of(JobQueue.QUEUED, JobQueue.RUNNING, JobQueue.DONE, JobQueue.FAILED).contains(state)) {
            throw new InvalidInputException("--state: queued | running | done | failed");
        }
        return mamori.jobQueue().list(state, limit);
    }

    public Optional<JobQueue.Job> find(long id) {
        return mamori.jobQueue().find(id);
    }

    public List<JobQueue.Node> nodes() {
        return mamori.jobQueue().nodes();
    }

    private JobQueue.Enqueued enqueue(Actor actor, String kind, String dedupeKey, String payload) {
        JobQueue.Enqueued e = mamori.jobQueue().enqueue(kind, dedupeKey, payload, actor.auditName(), null, 3);
        if (e.created() && !"system".equals(actor.channel())) {
            Audited.record(mamori, actor, null, Audited.JOB_QUEUED, "job:" + e.job().id(), "kind=" + kind);
        }
        return e;
    }
}
