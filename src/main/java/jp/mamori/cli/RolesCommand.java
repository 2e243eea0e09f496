package jp.mamori.cli;

import java.time.LocalDate;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Party;
import jp.mamori.partners.Phase;
import jp.mamori.partners.RoleMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori roles show|set|drill}: the incident role matrix (体制表) and drills. */
@Command(name = "roles", mixinStandardHelpOptions = true, description = {"インシデント時の体制表（RACI）と訓練", "Incident role matrix (RACI) and drills."},
        subcommands = {RolesCommand.Show.class, RolesCommand.Set.class, RolesCommand.Drill.class})
public class RolesCommand {

    @Command(name = "show", mixinStandardHelpOptions = true, description = "体制表と空白 / the matrix and its gaps")
    static class Show extends OrganizationReport<RoleMatrix> {
        @Override
        RoleMatrix read(Mamori m, Organization o) {
            return m.roles().matrix(o.id());
        }

        @Override
        Object json(RoleMatrix r) {
            return Map.of("assignments", r.assignments(), "gaps", r.gaps(), "drills", r.drills());
        }

        @Override
        void print(Mamori m, Organization o, RoleMatrix r) {
            String[] head = new String[Party.values().length + 1];
            head[0] = "局面";
            for (Party p : Party.values()) head[p.ordinal() + 1] = p.ja();
            TextTable t = new TextTable(head);
            for (Phase ph : Phase.values()) {
                Object[] row = new Object[head.length];
                row[0] = ph.ja();
                for (Party p : Party.values()) row[p.ordinal() + 1] = r.cell(ph, p);
                t.row(row);
            }
            System.out.print(t);
            for (Phase gap : r.gaps()) System.out.println("空白 / gap: 「" + gap.ja() + "」の実施責任者（R）がいません / no one is responsible for " + gap.en());
            RoleMatrix.Drill d = r.lastDrill();
            System.out.println(d == null ? "訓練の記録なし / no drill recorded" : "最終訓練 / last drill: " + d.heldOn() + "「" + d.title() + "」");
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "体制表の1マスを設定（RACI を空にすると削除） / set one cell (empty RACI clears it)")
    static class Set extends OrganizationCommand {
        @Parameters(index = "0", paramLabel = "PHASE", description = "detect | contain | evidence | eradicate | recover | report | publish") String phase;
        @Parameters(index = "1", paramLabel = "PARTY", description = "csirt | development-vendor | maintenance-vendor | ir-partner | prefecture-cloud") String party;
        @Parameters(index = "2", paramLabel = "RACI", arity = "0..1", description = "R, A, C, I の組み合わせ / e.g. RA") String raci;
        @Option(names = "--vendor", description = "担当する事業者 / the vendor taking the role") String vendor;
        @Option(names = "--by", paramLabel = "USER") String by;
        private Phase ph;
        private Party pa;

        @Override
        void check() {
            ph = PartnersCli.guard(() -> Phase.parse(phase));
            pa = PartnersCli.guard(() -> Party.parse(party));
        }

        @Override
        Integer run(Mamori m, Organization o) {
            RoleMatrix r = PartnersCli.guard(() -> m.assignRole().run(CliActor.of(by), o.id(), ph, pa, raci, vendor));
            System.out.println("体制表を更新しました / role matrix updated: " + ph.ja() + " × " + pa.ja() + " = " + (raci == null ? "（なし）" : raci.toUpperCase())
                    + (r.gaps().isEmpty() ? "" : "（空白 " + r.gaps().size() + " 局面）"));
            return ExitCode.OK;
        }
    }

    @Command(name = "drill", mixinStandardHelpOptions = true, description = "訓練を記録 / record a drill")
    static class Drill extends OrganizationCommand {
        @Option(names = "--date", required = true, paramLabel = "DATE") String date;
        @Option(names = "--title", required = true) String title;
        @Option(names = "--findings", description = "所見 / findings") String findings;
        @Option(names = "--by", paramLabel = "USER") String by;
        private LocalDate heldOn;

        @Override
        void check() {
            heldOn = RemediationContext.date(date, "--date");
        }

        @Override
        Integer run(Mamori m, Organization o) {
            long id = PartnersCli.guard(() -> m.recordDrill().run(CliActor.of(by), o.id(), heldOn, title, findings));
            System.out.println("訓練を記録しました / drill recorded: #" + id + " " + heldOn + "「" + title + "」");
            return ExitCode.OK;
        }
    }
}
