package jp.mamori.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mamori.app.Mamori;
import jp.mamori.app.jobs.JobWorker;
import jp.mamori.persistence.JobQueue;
import jp.mamori.triage.policy.TriagePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori jobs list|show|nodes|import|sync|daily-run|work}: the job table shared by every
 * {@code mamori serve} node on one database (ADR 0016). Queued work is taken by exactly one node.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = {"バックグラウンドジョブ（複数ノードで一度だけ実行）", "Background jobs (run once across nodes)."},
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Nodes.class, JobsCommand.Import.class,
                JobsCommand.Sync.class, JobsCommand.DailyRun.class, JobsCommand.Work.class})
public class JobsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "ジョブ一覧（新しい順） / jobs, newest first")
    static class ListJobs implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--state", description = "queued | running | done | failed") String state;
        @Option(names = "--limit", defaultValue = "50") int limit;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                List<JobQueue.Job> jobs = m.backgroundJobs().list(state, limit);
                if (format == OutputFormat.json) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    jobs.forEach(j -> out.add(json(j)));
                    System.out.println(Json.pretty(out));
                } else {
                    TextTable t = new TextTable("ID", "種類 / kind", "状態 / state", "試行 / tries", "ノード / node", "依頼 / by", "登録 (JST)", "完了 (JST)", "結果 / result");
                    for (JobQueue.Job j : jobs) {
                        t.row(j.id(), j.kind(), j.state(), j.attempts() + "/" + j.maxAttempts(), j.leaseOwner() == null ? "" : j.leaseOwner(), j.requestedBy(),
                                jst(j.createdAt()), jst(j.finishedAt()), j.lastError() != null && !JobQueue.DONE.equals(j.state()) ? j.lastError() : j.result() == null ? "" : j.result());
                    }
                    System.out.print(t);
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "ジョブの詳細 / one job")
    static class Show implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Parameters(index = "0", paramLabel = "ID") long id;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                JobQueue.Job j = m.backgroundJobs().find(id).orElseThrow(() -> new BadInputException("ジョブがありません / no job " + id));
                System.out.println(Json.pretty(json(j)));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "nodes", mixinStandardHelpOptions = true, description = "稼働中のノード / the serving nodes and their last heartbeat")
    static class Nodes implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                TextTable t = new TextTable("ノード / node", "ホスト / host", "起動 (JST)", "最終応答 (JST) / heartbeat");
                m.backgroundJobs().nodes().forEach(n -> t.row(n.nodeId(), n.host(), jst(n.startedAt()), jst(n.heartbeatAt())));
                System.out.print(t);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"脆弱性情報の取り込みをジョブとして登録します（全ノードから読めるパス）", "Queues a feed import (paths every node can read)."})
    static class Import implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--source", description = "nvd | cve5 | jvn | kev | epss | osv | csaf | openvex | bundle (detected when omitted)") String source;
        @Option(names = "--by", description = "実行者 / who asks (audit)") String by;
        @Parameters(arity = "1..*", paramLabel = "PATH") List<Path> paths;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                return printQueued(m.backgroundJobs().importFeeds(CliActor.of(by), paths, source));
            }
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true, description = {"オンライン同期をジョブとして登録します", "Queues an online feed sync."})
    static class Sync implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--source", split = ",", description = "nvd, kev, epss, jvn, osv (default: all)") List<String> sources;
        @Option(names = "--by") String by;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                return printQueued(m.backgroundJobs().syncFeeds(CliActor.of(by), sources));
            }
        }
    }

    @Command(name = "daily-run", mixinStandardHelpOptions = true,
            description = {"本日（日本時間）の日次処理をジョブとして登録します（1日1回）", "Queues today's daily run (once a day, Asia/Tokyo)."})
    static class DailyRun implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--by") String by;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                return printQueued(m.backgroundJobs().dailyRun(CliActor.of(by), LocalDate.now(m.clock().withZone(TriagePolicy.TOKYO))));
            }
        }
    }

    @Command(name = "work", mixinStandardHelpOptions = true,
            description = {"Web UIなしでジョブを処理します（--once: 待機中のジョブを処理して終了）", "Works on queued jobs without the web UI (--once: until none is due, then exit)."})
    static class Work implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--once", description = "due jobs only, then exit") boolean once;

        @Override
        public Integer call() throws InterruptedException {
            Mamori m = db.mamori();
            JobWorker worker = new JobWorker(m, RemediationContext.guard(() -> JobWorker.Settings.from(System.getenv())), System.getenv("MAMORI_NODE_ID"));
            if (once) {
                int n = 0;
                while (worker.runOne()) n++;
                System.out.println(n + " 件のジョブを処理しました / ran " + n + " job(s)");
                m.close();
                return ExitCode.OK;
            }
            worker.start();
            System.out.println("ジョブを処理しています / working on jobs as node " + worker.nodeId());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                worker.close();
                m.close();
            }));
            Thread.currentThread().join();
            return ExitCode.OK;
        }
    }

    private static int printQueued(JobQueue.Enqueued e) {
        System.out.println((e.created() ? "ジョブを登録しました / queued job " : "登録済みのジョブです / already queued as job ") + e.job().id()
                + " (" + e.job().kind() + ", " + e.job().state() + ")");
        return ExitCode.OK;
    }

    static Map<String, Object> json(JobQueue.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("kind", j.kind());
        m.put("state", j.state());
        m.put("attempts", j.attempts());
        m.put("maxAttempts", j.maxAttempts());
        m.put("node", j.leaseOwner());
        m.put("requestedBy", j.requestedBy());
        m.put("created", iso(j.createdAt()));
        m.put("started", iso(j.startedAt()));
        m.put("finished", iso(j.finishedAt()));
        m.put("leaseUntil", iso(j.leaseUntil()));
        m.put("result", j.result());
        m.put("lastError", j.lastError());
        m.put("payload", j.payload());
        return m;
    }

    private static String iso(java.time.Instant t) {
        return jp.mamori.app.TokyoTime.iso(t);
    }

    private static String jst(java.time.Instant t) {
        return t == null ? "" : jp.mamori.app.TokyoTime.seconds(t);
    }
}
