package jp.mamori.cli;

import jp.mamori.app.Mamori;
import jp.mamori.app.feeds.ImportFeeds;
import jp.mamori.app.feeds.SyncFeeds;
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
        public Integer call() {
            try (Mamori m = db.mamori()) {
                ImportFeeds.Result r;
                try {
                    r = m.importFeeds().run(CliActor.of(null), paths, source, new TerminalProgress());
                } catch (jp.mamori.app.InvalidInputException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
                FeedFileImporter.Summary s = r.summary();
                System.out.println("取り込み完了 / imported: 文書 " + s.documents() + " 件 — " + s.stats());
                FindingRecorder.Result f = r.findings();
                if (f.changes() > 0) {
                    System.out.println("検出の更新 / findings: 新規 " + f.detected() + "、再発 " + f.reopened() + "、更新 " + f.updated() + "、解消 " + f.closed());
                    RemediationContext.report(r.notifications());
                }
                if (s.failed()) {
                    System.err.println("取り込めなかった文書 / documents not imported: " + s.failures().size());
                    s.failures().forEach(x -> System.err.println("  " + x));
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
            Set<Source> wanted = RemediationContext.guard(() -> SyncFeeds.sources(sources));
            SyncSettings settings;
            try {
                settings = SyncSettings.load(config, System.getenv());
                if (since != null) settings = settings.toBuilder().since(since).build();
            } catch (IllegalArgumentException e) {
                throw new BadInputException((config == null ? "sync settings" : config.toString()) + ": " + e.getMessage(), e);
            }
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                java.util.List<String> failures = new java.util.ArrayList<>();
                SyncFeeds.Result result = m.syncFeeds().run(CliActor.of(null), settings, wanted, new ProgressReporter() {
                    @Override
                    public void message(Source source, String text) {
                        System.err.println("[" + source.key() + "] " + text);
                    }

                    @Override
                    public void retrying(Source source, String url, int status, java.time.Duration wait, int attempt, int max) {
                        System.err.println("[" + source.key() + "] 再試行 / retry " + attempt + "/" + max + " after HTTP " + status + " in " + wait.toSeconds() + " s");
                    }
                }, new TerminalProgress());
                SyncSummary summary = result.summary();
                TextTable t = new TextTable("情報源", "結果", "文書", "バイト", "リクエスト", "メッセージ");
                for (SyncSummary.SourceResult r : summary.results()) {
                    t.row(r.source().key(), r.outcome().name().toLowerCase(Locale.ROOT), r.documents(), r.bytes(), r.requests(), r.message());
                    if (r.outcome() == SyncSummary.Outcome.FAILED) failures.add(r.source().key() + ": " + r.message());
                }
                System.out.print(t);
                FindingRecorder.Result f = result.findings();
                if (f.changes() > 0) {
                    System.out.println("検出の更新 / findings: 新規 " + f.detected() + "、再発 " + f.reopened() + "、更新 " + f.updated() + "、解消 " + f.closed());
                    RemediationContext.report(result.notifications());
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
            try (Mamori m = db.mamori()) {
                List<FeedStatus.Row> rows = m.feedsStatus().rows();
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(rows));
                } else {
                    TextTable t = new TextTable("情報源", "件数", "データの日付（最新）", "最終更新（日本時間）", "直近のエラー");
                    for (FeedStatus.Row r : rows) {
                        t.row(r.source(), String.format("%,d", r.records()),
                                r.newestData() == null ? "-" : r.newestData().atZone(TOKYO).toLocalDate(),
                                jp.mamori.app.TokyoTime.table(r.lastUpdate()),
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
