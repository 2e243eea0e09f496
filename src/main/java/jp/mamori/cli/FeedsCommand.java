package jp.mamori.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.bundle.BundleException;
import jp.mamori.advisory.bundle.BundleManifest;
import jp.mamori.advisory.bundle.BundleWriter;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.advisory.sync.FeedSyncService;
import jp.mamori.advisory.sync.ProgressReporter;
import jp.mamori.advisory.sync.SyncSettings;
import jp.mamori.advisory.sync.SyncSummary;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori feeds import|sync|status|export-bundle}. */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = {"脆弱性情報の取り込み", "Vulnerability feeds: import, sync, status, bundles."},
        subcommands = {FeedsCommand.Import.class, FeedsCommand.Sync.class, FeedsCommand.Status.class, FeedsCommand.ExportBundle.class})
public class FeedsCommand {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"ファイル・ディレクトリ・オフラインバンドルから取り込みます（形式は自動判別）。",
                    "Imports files, directories (recursively), .gz, OSV all.zip and offline bundles; the format is detected when --source is omitted."})
    static class Import implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--source", description = "nvd | cve5 | jvn | kev | epss | osv | csaf | openvex | cyclonedx-vex | bundle") String source;
        @Parameters(arity = "1..*", paramLabel = "PATH") List<Path> paths;

        @Override
        public Integer call() throws IOException {
            boolean bundle = "bundle".equalsIgnoreCase(source);
            Source forced = null;
            if (source != null && !bundle) {
                try {
                    forced = Source.fromKey(source);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("unknown --source '" + source + "' (nvd | cve5 | jvn | kev | epss | osv | csaf | openvex | cyclonedx-vex | bundle)");
                }
            }
            try (Database d = db.open()) {
                FeedFileImporter.Summary s = new FeedFileImporter(d, Clock.systemUTC(), new TerminalProgress()).importPaths(paths, forced, bundle);
                FindingRecorder.Result r = new InventoryAssessment(d, Clock.systemUTC(), Policies.load(db.dataDir()))
                        .reassess(s.touchedVulnerabilities(), "feeds");
                System.out.println("取り込み完了 / imported: 文書 " + s.documents() + " 件 — " + s.stats());
                if (r.changes() > 0) {
                    System.out.println("検出の更新 / findings: 新規 " + r.detected() + "、再発 " + r.reopened() + "、更新 " + r.updated() + "、解消 " + r.closed());
                    // A raised outcome (e.g. newly in KEV) resets the deadline and tells the people concerned now.
                    RemediationContext.report(new RemediationContext(d, db.dataDir()).scheduler().processChanges(Clock.systemUTC()));
                }
                if (s.failed()) {
                    System.err.println("取り込めなかった文書 / documents not imported: " + s.failures().size());
                    s.failures().forEach(f -> System.err.println("  " + f));
                    return ExitCode.BAD_INPUT;
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"オンラインで最新の情報を取得します（NVD API 2.0・KEV・EPSS・MyJVN・OSV）。",
                    "Fetches NVD (incremental), KEV, EPSS, MyJVN and OSV; an interrupted sync resumes where it stopped."})
    static class Sync implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--source", split = ",", description = "nvd, kev, epss, jvn, osv (default: all)") List<String> sources;
        @Option(names = "--since", description = "first sync only: fetch what changed since this date (YYYY-MM-DD)") LocalDate since;
        @Option(names = "--config", description = "sync settings (.properties or .yaml): URLs, NVD API key, OSV ecosystems; see docs/feed-sync.md") Path config;

        @Override
        public Integer call() throws IOException {
            Set<Source> wanted = EnumSet.noneOf(Source.class);
            if (sources != null) {
                for (String s : sources) {
                    try {
                        Source src = Source.fromKey(s.trim());
                        if (!FeedSyncService.ONLINE_SOURCES.contains(src)) throw new IllegalArgumentException();
                        wanted.add(src);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("--source: " + s + " cannot be synced online (nvd, kev, epss, jvn, osv)");
                    }
                }
            }
            SyncSettings settings;
            try {
                settings = SyncSettings.load(config, System.getenv());
                if (since != null) settings = settings.toBuilder().since(since).build();
            } catch (IllegalArgumentException e) {
                throw new BadInputException((config == null ? "sync settings" : config.toString()) + ": " + e.getMessage(), e);
            }
            try (Database d = db.open()) {
                FeedFileImporter importer = new FeedFileImporter(d, Clock.systemUTC(), new TerminalProgress());
                java.util.Set<String> touched = new java.util.LinkedHashSet<>();
                java.util.List<String> failures = new java.util.ArrayList<>();
                FeedSyncService svc = new FeedSyncService(settings, d, db.dataDir().resolve("feeds"), (src, file) -> {
                    FeedFileImporter.Summary s = importer.importPaths(List.of(file), src, false);
                    touched.addAll(s.touchedVulnerabilities());
                    if (s.failed()) throw new IllegalStateException(String.join("; ", s.failures()));
                });
                SyncSummary summary = svc.sync(wanted, new ProgressReporter() {
                    @Override
                    public void message(Source source, String text) {
                        System.err.println("[" + source.key() + "] " + text);
                    }

                    @Override
                    public void retrying(Source source, String url, int status, java.time.Duration wait, int attempt, int max) {
                        System.err.println("[" + source.key() + "] 再試行 / retry " + attempt + "/" + max + " after HTTP " + status + " in " + wait.toSeconds() + " s");
                    }
                });
                TextTable t = new TextTable("情報源", "結果", "文書", "バイト", "リクエスト", "メッセージ");
                for (SyncSummary.SourceResult r : summary.results()) {
                    t.row(r.source().key(), r.outcome().name().toLowerCase(Locale.ROOT), r.documents(), r.bytes(), r.requests(), r.message());
                    if (r.outcome() == SyncSummary.Outcome.FAILED) failures.add(r.source().key() + ": " + r.message());
                }
                System.out.print(t);
                FindingRecorder.Result r = new InventoryAssessment(d, Clock.systemUTC(), Policies.load(db.dataDir())).reassess(touched, "sync");
                if (r.changes() > 0) {
                    System.out.println("検出の更新 / findings: 新規 " + r.detected() + "、再発 " + r.reopened() + "、更新 " + r.updated() + "、解消 " + r.closed());
                    RemediationContext.report(new RemediationContext(d, db.dataDir()).scheduler().processChanges(Clock.systemUTC()));
                }
                return summary.anyFailed() ? ExitCode.FAILURE : ExitCode.OK;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "情報源ごとの件数・最終更新・直近のエラー / per source: records, last update, last error")
    static class Status implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--format", defaultValue = "table") OutputFormat format;

        @Override
        public Integer call() {
            try (Database d = db.open()) {
                List<FeedStatus.Row> rows = FeedStatus.read(d.dataSource());
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(rows));
                } else {
                    TextTable t = new TextTable("情報源", "件数", "最終更新（日本時間）", "直近のエラー");
                    for (FeedStatus.Row r : rows) {
                        t.row(r.source(), String.format("%,d", r.records()),
                                r.lastUpdate() == null ? "-" : r.lastUpdate().atZone(TOKYO).toLocalDateTime().withNano(0),
                                r.lastError() == null ? "" : r.lastError());
                    }
                    System.out.print(t);
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "export-bundle", mixinStandardHelpOptions = true,
            description = {"閉域網向けのオフラインバンドルを書き出します（同期で取得したファイル＋マニフェスト）。",
                    "Writes the files fetched by `feeds sync` into one archive with a manifest (source, time fetched, SHA-256)."})
    static class ExportBundle implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        public Integer call() throws IOException {
            try {
                BundleManifest m = BundleWriter.write(db.dataDir().resolve("feeds"), file, Clock.systemUTC());
                System.out.println("バンドルを書き出しました / bundle written: " + file + " (" + m.files().size() + " files)");
                return ExitCode.OK;
            } catch (BundleException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
    }
}
