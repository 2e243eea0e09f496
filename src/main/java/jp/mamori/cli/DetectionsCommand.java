package jp.mamori.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mamori.app.Mamori;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.detection.rules.Evidence;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori detections list|show}: what the rules found, each with its evidence lines. */
@Command(name = "detections", mixinStandardHelpOptions = true, description = {"ログからの検知", "Detections from the logs."},
        subcommands = {DetectionsCommand.ListDetections.class, DetectionsCommand.Show.class})
public class DetectionsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "検知の一覧（新しい順） / detections, newest first")
    static class ListDetections implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--since", paramLabel = "DATE", description = "この日以降 / from this date (YYYY-MM-DD, Asia/Tokyo)") String since;
        @Option(names = "--limit", defaultValue = "500", description = "最大件数 / at most N (default: ${DEFAULT-VALUE})") int limit;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            Instant from;
            try {
                from = since == null ? null : LocalDate.parse(since).atStartOfDay(DetectionViews.TOKYO).toInstant();
            } catch (DateTimeException e) {
                throw new BadInputException("--since は YYYY-MM-DD で指定してください / --since must be YYYY-MM-DD: " + since);
            }
            try (Mamori m = db.mamori()) {
                Organization o = org.resolve(m.inventory());
                List<DetectionRow> rows = m.detections().detections(o.id(), from, limit);
                if (format == OutputFormat.json) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (DetectionRow r : rows) out.add(DetectionViews.detection(r));
                    System.out.println(Json.pretty(out));
                    return ExitCode.OK;
                }
                TextTable t = new TextTable("ID", "日時", "重要度", "分類", "規則", "利用者", "送信元", "送信先", "機器", "インシデント", "根拠");
                for (DetectionRow r : rows) {
                    Evidence e = r.evidence().isEmpty() ? null : r.evidence().get(r.evidence().size() - 1);
                    t.row(r.id(), DetectionViews.local(r.at()), r.severity().ja(), r.category().ja(), r.rule(), r.user() == null ? "-" : r.user(),
                            String.join(",", r.sourceIps()), r.destination() == null ? "" : r.destination(), r.assetCode() == null ? "" : r.assetCode(),
                            r.incidentId() == null ? "" : "#" + r.incidentId(), e == null ? "" : e.file() + ":" + e.line());
                }
                System.out.print(t);
                System.out.println(rows.size() + " 件 / detections");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "検知の詳細と根拠のログ行 / one detection with its log lines")
    static class Show implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--format", defaultValue = "text", description = "text | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Organization o = org.resolve(m.inventory());
                DetectionRow r = m.detections().detection(o.id(), id).orElseThrow(() -> new BadInputException("検知が見つかりません / no detection " + id));
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(DetectionViews.detection(r)));
                    return ExitCode.OK;
                }
                IncidentsCommand.printDetection(r);
                return ExitCode.OK;
            }
        }
    }
}
