package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.util.concurrent.Callable;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.schedule.DailyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mamori remediation run-daily}: deadlines, escalation, reopening and the daily digest (run it from cron each morning). */
@Command(name = "remediation", mixinStandardHelpOptions = true, description = {"対応期限の管理", "Remediation deadlines and the daily run."},
        subcommands = {RemediationCommand.RunDaily.class})
public class RemediationCommand {

    @Command(name = "run-daily", mixinStandardHelpOptions = true,
            description = {"期限超過の検知とエスカレーション、リスク受容の期限切れ、対応度上昇の追跡、日次ダイジェストの送信（毎朝実行）",
                    "Flag and escalate overdue findings, reopen expired risk acceptances, follow raised outcomes, send the daily digest."})
    static class RunDaily implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                RemediationContext ctx = new RemediationContext(m);
                DailyReport r = RemediationContext.guard(() -> m.runDaily().run(CliActor.of(null)));
                System.out.println("日次処理 / daily run: " + r.summaryJa());
                System.out.println(r.summaryEn());
                for (String e : r.errors()) System.out.println("注意 / warning: 通知できませんでした / not delivered: " + e);
                if (ctx.smtp().isEmpty()) System.out.println("注意 / note: SMTPが未設定のためメールは送信されません / no SMTP server configured (MAMORI_SMTP_HOST)");
                return ExitCode.OK;
            }
        }
    }
}
