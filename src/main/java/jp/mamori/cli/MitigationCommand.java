package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.mitigation.Mitigation;
import jp.mamori.remediation.mitigation.MitigationService;
import jp.mamori.remediation.mitigation.MitigationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori mitigation list|update|suggest}: mitigation items with status, owner and review date. */
@Command(name = "mitigation", mixinStandardHelpOptions = true, description = {"回避策の一覧・更新", "Mitigations: list, update, suggest."},
        subcommands = {MitigationCommand.ListItems.class, MitigationCommand.Update.class, MitigationCommand.Suggest.class})
public class MitigationCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "回避策の一覧 / mitigation items")
    static class ListItems implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--finding", paramLabel = "ID", description = "検出ID / finding id") Long findingId;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                Organization o = org.resolve(mamori.inventory());
                List<Mitigation> items = new RemediationContext(mamori).mitigations.list(o.id(), findingId);
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(items));
                    return ExitCode.OK;
                }
                LocalDate today = LocalDate.now(jp.mamori.triage.policy.TriagePolicy.TOKYO);
                TextTable t = new TextTable("ID", "検出", "出典", "項目", "状態", "担当", "見直し日");
                for (Mitigation m : items) {
                    t.row(m.id(), m.findingId(), m.source().key(), m.titleJa(), m.status().ja(), m.owner() == null ? "" : m.owner(),
                            m.reviewDate() == null ? "" : m.reviewDate() + (m.reviewDue(today) ? " 見直し" : ""));
                }
                System.out.print(t);
                System.out.println(items.size() + " 件 / items");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "回避策の状態・担当・見直し日を更新 / update status, owner, review date")
    static class Update implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Parameters(paramLabel = "ID", description = "回避策ID / mitigation id") long id;
        @Option(names = "--status", description = "todo | doing | done | not_applicable") String status;
        @Option(names = "--owner", paramLabel = "USER", description = "担当 / owner") String owner;
        @Option(names = "--review", paramLabel = "DATE", description = "見直し日 / review date (YYYY-MM-DD)") String review;
        @Option(names = "--by", paramLabel = "USER", description = "更新者 / who updates") String by;

        @Override
        public Integer call() {
            if (status == null && owner == null && review == null) {
                throw new BadInputException("--status, --owner, --review のいずれかを指定してください / give --status, --owner or --review");
            }
            MitigationStatus s = status == null ? null : RemediationContext.guard(() -> MitigationStatus.fromKey(status));
            LocalDate r = RemediationContext.date(review, "--review");
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                Organization o = org.resolve(mamori.inventory());
                Mitigation m = RemediationContext.guard(() -> mamori.updateMitigation().run(CliActor.of(by), o.id(), id, new MitigationService.Update(s, owner, r)));
                System.out.println("回避策を更新しました / mitigation updated: #" + m.id() + " " + m.titleJa() + " → " + m.status().ja()
                        + (m.owner() == null ? "" : "、担当 " + m.owner()) + (m.reviewDate() == null ? "" : "、見直し日 " + m.reviewDate()));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "検出に回避策の候補（CSAF・KEV・境界装置の侵害確認）を登録 / record suggested mitigations on a finding")
    static class Suggest implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Parameters(paramLabel = "FINDING", description = "検出ID / finding id") long findingId;
        @Option(names = "--review", paramLabel = "DATE", description = "見直し日 / review date (YYYY-MM-DD)") String review;
        @Option(names = "--by", paramLabel = "USER") String by;

        @Override
        public Integer call() {
            LocalDate r = RemediationContext.date(review, "--review");
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                Organization o = org.resolve(mamori.inventory());
                RemediationContext ctx = new RemediationContext(mamori);
                if (r != null && r.isBefore(ctx.today())) throw new BadInputException("--review は過去の日付です / --review is in the past: " + r);
                int added = RemediationContext.guard(() -> mamori.suggestMitigations().run(CliActor.of(by), o.id(), findingId, r));
                System.out.println("回避策を " + added + " 件登録しました / " + added + " mitigation item(s) recorded on finding #" + findingId);
                return ExitCode.OK;
            }
        }
    }
}
