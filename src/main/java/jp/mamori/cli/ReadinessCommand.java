package jp.mamori.cli;

import java.nio.file.Path;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.app.partners.IssueReadinessReport;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.ReadinessDiff;
import jp.mamori.partners.ReadinessReport;
import jp.mamori.partners.ReadinessSnapshot;
import jp.mamori.partners.ReadinessWorkbook;
import jp.mamori.partners.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori readiness show|issue|list|diff}: the readiness report (準備状況レポート). */
@Command(name = "readiness", mixinStandardHelpOptions = true, description = {"準備状況レポート（総務省報告書の対策ごとの状況と根拠）",
        "Readiness report: each countermeasure's status with its evidence."},
        subcommands = {ReadinessCommand.Show.class, ReadinessCommand.Issue.class, ReadinessCommand.ListReports.class, ReadinessCommand.Diff.class})
public class ReadinessCommand {

    static String mark(Status s) {
        return switch (s) {
            case RED -> "● 赤 要対応";
            case AMBER -> "▲ 黄 要注意";
            case GREEN -> "○ 緑 良好";
        };
    }

    static void print(ReadinessReport r) {
        System.out.println("【準備状況レポート / readiness report】" + r.organizationName() + "（" + r.asOf() + " 時点）");
        System.out.println("要対応 " + r.count(Status.RED) + " / 要注意 " + r.count(Status.AMBER) + " / 良好 " + r.count(Status.GREEN));
        for (ReadinessReport.Row row : r.rows()) {
            System.out.println();
            System.out.println(mark(row.status()) + "  " + row.titleJa() + " / " + row.titleEn());
            System.out.println("    対策: " + row.countermeasure());
            for (String e : row.evidence()) System.out.println("    - " + e);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "今日時点のレポート（記録しない） / today's report (not stored)")
    static class Show extends OrganizationReport<ReadinessReport> {
        @Option(names = "--xlsx", paramLabel = "FILE.xlsx", description = "Excel にも出力 / also write an .xlsx") Path xlsx;

        @Override
        ReadinessReport read(Mamori m, Organization o) {
            return m.partners().readiness(o.id(), o.code(), o.name(), m.today());
        }

        @Override
        void write(ReadinessReport r) {
            if (xlsx != null) PartnersCli.write(xlsx, ReadinessWorkbook.write(r, null));
        }

        @Override
        void print(Mamori m, Organization o, ReadinessReport r) {
            ReadinessCommand.print(r);
            if (xlsx != null) System.out.println("Excel に出力しました / written: " + xlsx);
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "レポートを発行（変更不可のスナップショット、ハッシュを監査ログへ） / issue an immutable snapshot")
    static class Issue extends OrganizationCommand {
        @Option(names = "--by", paramLabel = "USER") String by;
        @Option(names = "--xlsx", paramLabel = "FILE.xlsx", description = "発行分を Excel にも出力 / also write the issued report as .xlsx") Path xlsx;

        @Override
        Integer run(Mamori m, Organization o) {
            IssueReadinessReport.Result r = m.issueReadinessReport().run(CliActor.of(by), o.id());
            if (xlsx != null) PartnersCli.write(xlsx, ReadinessWorkbook.write(r.snapshot().report(), r.snapshot()));
            print(r.snapshot().report());
            System.out.println();
            System.out.println("発行しました / issued: #" + r.snapshot().id() + " " + RemediationContext.dateTime(r.snapshot().issuedAt())
                    + " SHA-256 " + r.snapshot().sha256());
            printDiff(r.diff());
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "発行済みレポート / issued reports")
    static class ListReports extends OrganizationReport<List<ReadinessSnapshot>> {
        @Override
        List<ReadinessSnapshot> read(Mamori m, Organization o) {
            return m.readinessReports().list(o.id());
        }

        /** One entry per issued report: what the table shows, the whole report is {@code readiness diff}'s and the web's. */
        @Override
        Object json(List<ReadinessSnapshot> all) {
            List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
            for (ReadinessSnapshot s : all) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("id", s.id());
                m.put("issuedAt", s.issuedAt());
                m.put("issuedBy", s.issuedBy());
                m.put("red", s.report().count(Status.RED));
                m.put("amber", s.report().count(Status.AMBER));
                m.put("green", s.report().count(Status.GREEN));
                m.put("sha256", s.sha256());
                m.put("intact", s.intact());
                out.add(m);
            }
            return out;
        }

        @Override
        void print(Mamori m, Organization o, List<ReadinessSnapshot> all) {
            TextTable t = new TextTable("ID", "発行日時", "発行者", "要対応", "要注意", "良好", "SHA-256", "改ざん検査");
            for (ReadinessSnapshot s : all) {
                t.row(s.id(), RemediationContext.dateTime(s.issuedAt()), s.issuedBy(), s.report().count(Status.RED), s.report().count(Status.AMBER),
                        s.report().count(Status.GREEN), s.sha256(), s.intact() ? "一致" : "不一致");
            }
            System.out.print(t);
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = "前回発行分との差分 / what changed since the previous report")
    static class Diff extends OrganizationCommand {
        @Parameters(paramLabel = "ID", arity = "0..1", description = "レポートID（既定: 最新） / report id (default: latest)") Long id;

        @Override
        Integer run(Mamori m, Organization o) {
            ReadinessSnapshot s = id == null ? m.readinessReports().list(o.id()).stream().findFirst()
                    .orElseThrow(() -> new BadInputException("発行済みのレポートがありません / no report issued yet: run `mamori readiness issue`"))
                    : m.readinessReports().find(o.id(), id).orElseThrow(() -> new BadInputException("レポートがありません / no report #" + id));
            printDiff(ReadinessDiff.between(m.readinessReports().previous(o.id(), s.id()).orElse(null), s));
            return ExitCode.OK;
        }
    }

    static void printDiff(ReadinessDiff d) {
        if (d.fromId() == null) {
            System.out.println("前回のレポートはありません（初回発行） / first report, nothing to compare");
            return;
        }
        System.out.println("前回 #" + d.fromId() + " からの変化 / changes since #" + d.fromId() + ":" + (d.changes().isEmpty() ? " なし / none" : ""));
        for (ReadinessDiff.Change c : d.changes()) {
            System.out.println("  " + c.titleJa() + ": " + (c.from() == null ? "-" : c.from().ja()) + " → " + c.to().ja());
            for (String a : c.added()) System.out.println("    + " + a);
            for (String r : c.removed()) System.out.println("    - " + r);
        }
    }
}
