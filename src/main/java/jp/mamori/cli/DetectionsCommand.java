package jp.mamori.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.app.detection.DetectionViews;
import jp.mamori.detection.rules.Evidence;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori detections list|show}: what the rules found, each with its evidence lines. */
@Command(name = "detections", mixinStandardHelpOptions = true, description = {"ログからの検知", "Detections from the logs."},
        subcommands = {DetectionsCommand.ListDetections.class, DetectionsCommand.Show.class})
public class DetectionsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "検知の一覧（新しい順） / detections, newest first")
    static class ListDetections extends OrganizationReport<List<DetectionRow>> {
        @Option(names = "--since", paramLabel = "DATE", description = "この日以降 / from this date (YYYY-MM-DD, Asia/Tokyo)") String since;
        @Option(names = "--limit", defaultValue = "500", description = "最大件数 / at most N (default: ${DEFAULT-VALUE})") int limit;
        private Instant from;

        @Override
        void check() {
            try {
                from = since == null ? null : LocalDate.parse(since).atStartOfDay(DetectionViews.TOKYO).toInstant();
            } catch (DateTimeException e) {
                throw new BadInputException("--since は YYYY-MM-DD で指定してください / --since must be YYYY-MM-DD: " + since);
            }
        }

        @Override
        List<DetectionRow> read(Mamori m, Organization o) {
            return m.detections().detections(o.id(), from, limit);
        }

        @Override
        Object json(List<DetectionRow> rows) {
            return rows.stream().map(DetectionViews::detection).toList();
        }

        @Override
        void print(Mamori m, Organization o, List<DetectionRow> rows) {
            TextTable t = new TextTable("ID", "日時", "重要度", "分類", "規則", "利用者", "送信元", "送信先", "機器", "インシデント", "根拠");
            for (DetectionRow r : rows) {
                Evidence e = r.evidence().isEmpty() ? null : r.evidence().get(r.evidence().size() - 1);
                t.row(r.id(), DetectionViews.local(r.at()), r.severity().ja(), r.category().ja(), r.rule(), r.user() == null ? "-" : r.user(),
                        String.join(",", r.sourceIps()), r.destination() == null ? "" : r.destination(), r.assetCode() == null ? "" : r.assetCode(),
                        r.incidentId() == null ? "" : "#" + r.incidentId(), e == null ? "" : e.file() + ":" + e.line());
            }
            System.out.print(t);
            System.out.println(rows.size() + " 件 / detections");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "検知の詳細と根拠のログ行 / one detection with its log lines")
    static class Show extends OrganizationReport<DetectionRow> {
        @Parameters(paramLabel = "ID") long id;

        @Override
        DetectionRow read(Mamori m, Organization o) {
            return m.detections().detection(o.id(), id).orElseThrow(() -> new BadInputException("検知が見つかりません / no detection " + id));
        }

        @Override
        Object json(DetectionRow r) {
            return DetectionViews.detection(r);
        }

        @Override
        void print(Mamori m, Organization o, DetectionRow r) {
            IncidentsCommand.printDetection(r);
        }
    }
}
