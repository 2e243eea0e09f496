package jp.mamori.cli;

import java.util.concurrent.Callable;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.PrefectureStatus;
import jp.mamori.triage.policy.TriagePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori prefecture add-member|status|grant|revoke|grants}: the prefecture's security cloud
 * (issue 17). A municipality grants the cloud's operators access to its details for a limited time;
 * every grant, revocation and detail view is audited.
 */
@Command(name = "prefecture", mixinStandardHelpOptions = true, description = {"都道府県セキュリティクラウド（参加団体、状況、閲覧許可）", "The prefecture's security cloud: members, status, grants."},
        subcommands = {PrefectureCommand.AddMember.class, PrefectureCommand.Status.class, PrefectureCommand.Grant.class,
                PrefectureCommand.Revoke.class, PrefectureCommand.Grants.class})
public class PrefectureCommand {

    @Command(name = "add-member", mixinStandardHelpOptions = true, description = "参加団体を追加します / the prefecture serves this municipality")
    static class AddMember implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--prefecture", required = true, paramLabel = "CODE") String prefecture;
        @Option(names = "--org", required = true, paramLabel = "CODE") String org;
        @Option(names = "--by") String by;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                m.prefecture().addMember(CliActor.of(by), prefecture, org);
                System.out.println(org + " を " + prefecture + " の参加団体に追加しました / added");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "参加団体の状況（件数のみ） / per-municipality counts")
    static class Status implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--prefecture", required = true, paramLabel = "CODE") String prefecture;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Organization p = m.inventory().findOrganization(prefecture).orElseThrow(() -> new BadInputException("no organisation with code '" + prefecture + "'"));
                TextTable t = new TextTable("団体", "名称", "境界 Act", "境界 Act/Attend", "期限超過", "未対応", "インシデント", "準備状況 要対応/要注意/良好", "詳細の閲覧許可");
                for (jp.mamori.app.prefecture.Prefecture.Overview r : m.prefecture().overview(p.id())) {
                    t.row(r.code(), r.name(), r.boundaryAct(), r.actAttendBoundary(), r.overdue(), r.open(), r.openIncidents(),
                            r.readinessRed() + "/" + r.readinessAmber() + "/" + r.readinessGreen(), r.grant() == null ? "なし / none" : "〜" + jst(r.grant().expiresAt()));
                }
                System.out.print(t);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "運用者に詳細の閲覧を許可します（最長90日） / grant the operators access to details (up to 90 days)")
    static class Grant implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--org", required = true, paramLabel = "CODE", description = "許可する団体 / the granting municipality") String org;
        @Option(names = "--prefecture", required = true, paramLabel = "CODE") String prefecture;
        @Option(names = "--days", defaultValue = "7") int days;
        @Option(names = "--reason", required = true) String reason;
        @Option(names = "--by") String by;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                PrefectureStatus.Grant g = m.prefecture().grant(CliActor.of(by), org, prefecture, days, reason);
                System.out.println("許可 " + g.id() + " を登録しました（" + jst(g.expiresAt()) + " まで） / grant " + g.id() + " until " + jst(g.expiresAt()));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "許可を取り消します / revoke a grant")
    static class Revoke implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Parameters(index = "0", paramLabel = "GRANT-ID") long id;
        @Option(names = "--by") String by;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                m.prefecture().revoke(CliActor.of(by), id, null);
                System.out.println("許可 " + id + " を取り消しました / revoked");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "grants", mixinStandardHelpOptions = true, description = "許可の一覧 / grants, newest first")
    static class Grants implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--prefecture", required = true, paramLabel = "CODE") String prefecture;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                TextTable t = new TextTable("ID", "団体ID", "理由", "許可者", "許可 (JST)", "期限 (JST)", "取消");
                for (PrefectureStatus.Grant g : m.prefecture().grants(prefecture)) {
                    t.row(g.id(), g.organizationId(), g.reason(), g.grantedBy(), jst(g.grantedAt()), jst(g.expiresAt()),
                            g.revokedAt() == null ? "" : g.revokedBy() + " " + jst(g.revokedAt()));
                }
                System.out.print(t);
                return ExitCode.OK;
            }
        }
    }

    private static String jst(java.time.Instant t) {
        return t == null ? "" : jp.mamori.app.TokyoTime.table(t);
    }
}
