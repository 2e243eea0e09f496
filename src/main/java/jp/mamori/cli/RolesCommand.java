package jp.mamori.cli;

import java.time.LocalDate;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Party;
import jp.mamori.partners.Phase;
import jp.mamori.partners.RoleMatrix;
import jp.mamori.partners.SystemRoles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori roles show|set|drill [--system CODE]}: the incident role matrix (体制表) and drills, per organisation or per information system. */
@Command(name = "roles", mixinStandardHelpOptions = true, description = {"インシデント時の体制表（RACI）と訓練", "Incident role matrix (RACI) and drills."},
        subcommands = {RolesCommand.Show.class, RolesCommand.Set.class, RolesCommand.Drill.class})
public class RolesCommand {

    /** What {@code roles show} read: the organisation's matrix, or one system's (with its own cells). */
    record Shown(RoleMatrix matrix, SystemRoles system, java.util.List<SystemRoles> systems) { }

    @Command(name = "show", mixinStandardHelpOptions = true, description = {"体制表と空白（--system で情報システムごとの体制表）",
            "the matrix and its gaps (--system: the matrix that holds for one information system)"})
    static class Show extends OrganizationReport<Shown> {
        @Option(names = "--system", paramLabel = "SYSTEM", description = "情報システムのコード / an information system's code") String system;

        @Override
        Shown read(Mamori m, Organization o) {
            if (system == null || system.isBlank()) return new Shown(m.roles().matrix(o.id()), null, m.roles().systems(o.id()));
            SystemRoles s = PartnersCli.guard(() -> m.roles().system(o.id(), system).orElseThrow(() -> SystemRoles.noSuchSystem(system)));
            return new Shown(s.effective(), s, java.util.List.of());
        }

        @Override
        Object json(Shown r) {
            if (r.system() == null) {
                java.util.List<Map<String, Object>> systems = new java.util.ArrayList<>();
                for (SystemRoles s : r.systems()) {
                    systems.add(Map.of("code", s.systemCode(), "name", s.systemName(), "boundary", s.boundary(), "ownCells", s.cells().size(),
                            "gaps", gaps(s)));
                }
                return Map.of("assignments", r.matrix().assignments(), "gaps", r.matrix().gaps(), "drills", r.matrix().drills(), "systems", systems);
            }
            SystemRoles s = r.system();
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("system", Map.of("code", s.systemCode(), "name", s.systemName(), "boundary", s.boundary()));
            out.put("assignments", r.matrix().assignments());
            out.put("own", s.cells());
            out.put("gaps", gaps(s));
            out.put("drills", r.matrix().drills());
            out.put("drillsOfItsOwn", s.differs());
            return out;
        }

        private static java.util.List<Map<String, Object>> gaps(SystemRoles s) {
            java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
            for (SystemRoles.Gap g : s.gaps()) {
                Map<String, Object> one = new java.util.LinkedHashMap<>();
                one.put("phase", g.phase());
                one.put("party", g.party());
                one.put("ja", g.ja());
                one.put("en", g.en());
                out.add(one);
            }
            return out;
        }

        @Override
        void print(Mamori m, Organization o, Shown shown) {
            RoleMatrix r = shown.matrix();
            SystemRoles sys = shown.system();
            if (sys != null) {
                System.out.println("情報システム / system: " + sys.label() + (sys.boundary() ? "［境界装置あり / boundary device］" : "")
                        + (sys.differs() ? "　個別の設定 " + sys.cells().size() + " 件（* の欄） / " + sys.cells().size() + " own cell(s), marked *"
                        : "　団体の体制表のとおり / follows the organisation's matrix"));
            }
            String[] head = new String[Party.values().length + 1];
            head[0] = "局面";
            for (Party p : Party.values()) head[p.ordinal() + 1] = p.ja();
            TextTable t = new TextTable(head);
            for (Phase ph : Phase.values()) {
                Object[] row = new Object[head.length];
                row[0] = ph.ja();
                for (Party p : Party.values()) {
                    SystemRoles.Cell own = sys == null ? null : sys.own(ph, p);
                    String v = r.vendor(ph, p);
                    String cell = own != null && own.none() ? "役割なし" : r.cell(ph, p) + (v == null ? "" : "（" + v + "）");
                    row[p.ordinal() + 1] = cell + (own != null ? " *" : "");
                }
                t.row(row);
            }
            System.out.print(t);
            if (sys == null) {
                for (Phase gap : r.gaps()) System.out.println("空白 / gap: 「" + gap.ja() + "」の実施責任者（R）がいません / no one is responsible for " + gap.en());
            } else {
                for (SystemRoles.Gap g : sys.gaps()) System.out.println("空白 / gap: " + g.ja() + " / " + g.en());
            }
            RoleMatrix.Drill d = r.lastDrill();
            System.out.println(d == null ? "訓練の記録なし / no drill recorded" : "最終訓練 / last drill: " + d.heldOn() + "「" + d.title() + "」");
            if (sys != null && sys.differs() && sys.drillOverdue(m.today())) {
                System.out.println("訓練期限切れ: このシステムの体制での訓練が " + jp.mamori.partners.Readiness.DRILL_INTERVAL_DAYS
                        + " 日以内にありません / drill overdue: none of this system's roles within " + jp.mamori.partners.Readiness.DRILL_INTERVAL_DAYS + " days");
            }
            if (sys == null) {
                for (SystemRoles s : shown.systems()) {
                    if (!s.boundary() && !s.differs()) continue;
                    System.out.println("情報システム別 / per system: " + s.label() + (s.boundary() ? "［境界装置あり］" : "")
                            + (s.differs() ? " 個別の設定 " + s.cells().size() + " 件" : " 団体の体制表のとおり")
                            + (s.gaps().isEmpty() ? "、空白なし" : "、空白 " + s.gaps().size() + " 件") + "（roles show --system " + s.systemCode() + "）");
                }
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"体制表の1マスを設定（RACI を空にすると削除）",
            "set one cell (empty RACI clears it); --system: the cell of one information system ('-': no role there; empty: back to the organisation's)"})
    static class Set extends OrganizationCommand {
        @Parameters(index = "0", paramLabel = "PHASE", description = "detect | contain | evidence | eradicate | recover | report | publish") String phase;
        @Parameters(index = "1", paramLabel = "PARTY", description = "csirt | development-vendor | maintenance-vendor | ir-partner | prefecture-cloud") String party;
        @Parameters(index = "2", paramLabel = "RACI", arity = "0..1", description = "R, A, C, I の組み合わせ（--system では - で役割なし） / e.g. RA; with --system, - for no role") String raci;
        @Option(names = "--vendor", description = "担当する事業者 / the vendor taking the role") String vendor;
        @Option(names = "--system", paramLabel = "SYSTEM", description = "この情報システムだけの設定 / the cell of this information system only") String system;
        @Option(names = "--by", paramLabel = "USER") String by;
        private Phase ph;
        private Party pa;

        @Override
        void check() {
            ph = PartnersCli.guard(() -> Phase.parse(phase));
            pa = PartnersCli.guard(() -> Party.parse(party));
            if (system != null && system.isBlank()) throw new BadInputException("--system に情報システムのコードを指定してください / --system needs a system code");
            if (raci != null && !raci.isBlank()) {
                String given = raci;
                PartnersCli.guard(() -> system == null ? new RoleMatrix.Assignment(ph, pa, given, null).raci() : SystemRoles.normalise(given));
            }
        }

        @Override
        Integer run(Mamori m, Organization o) {
            String shown = raci == null || raci.isBlank() ? null : (system == null ? raci.strip().toUpperCase(java.util.Locale.ROOT) : SystemRoles.normalise(raci));
            if (system != null) {
                SystemRoles s = PartnersCli.guard(() -> shown == null ? m.assignSystemRole().clear(CliActor.of(by), o.id(), system, ph, pa)
                        : m.assignSystemRole().set(CliActor.of(by), o.id(), system, ph, pa, raci, vendor));
                System.out.println("体制表を更新しました / role matrix updated: " + s.label() + " " + ph.ja() + " × " + pa.ja() + " = "
                        + (shown == null ? "団体の設定に戻しました（" + orNone(s.effective().cell(ph, pa)) + "） / back to the organisation's"
                        : SystemRoles.NONE.equals(shown) ? "役割なし / no role" : shown)
                        + (s.gaps().isEmpty() ? "" : "（空白 " + s.gaps().size() + " 件）"));
                return ExitCode.OK;
            }
            RoleMatrix r = PartnersCli.guard(() -> m.assignRole().run(CliActor.of(by), o.id(), ph, pa, raci, vendor));
            System.out.println("体制表を更新しました / role matrix updated: " + ph.ja() + " × " + pa.ja() + " = " + (shown == null ? "（なし）" : shown)
                    + (r.gaps().isEmpty() ? "" : "（空白 " + r.gaps().size() + " 局面）"));
            return ExitCode.OK;
        }

        private static String orNone(String cell) {
            return cell == null || cell.isEmpty() ? "なし" : cell;
        }
    }

    @Command(name = "drill", mixinStandardHelpOptions = true, description = "訓練を記録 / record a drill")
    static class Drill extends OrganizationCommand {
        @Option(names = "--date", required = true, paramLabel = "DATE") String date;
        @Option(names = "--title", required = true) String title;
        @Option(names = "--findings", description = "所見 / findings") String findings;
        @Option(names = "--system", paramLabel = "SYSTEM", description = "この情報システムの体制での訓練 / a drill of this information system's roles") String system;
        @Option(names = "--by", paramLabel = "USER") String by;
        private LocalDate heldOn;

        @Override
        void check() {
            heldOn = RemediationContext.date(date, "--date");
            if (system != null && system.isBlank()) throw new BadInputException("--system に情報システムのコードを指定してください / --system needs a system code");
        }

        @Override
        Integer run(Mamori m, Organization o) {
            long id = PartnersCli.guard(() -> m.recordDrill().run(CliActor.of(by), o.id(), system, heldOn, title, findings));
            System.out.println("訓練を記録しました / drill recorded: #" + id + " " + heldOn + "「" + title + "」" + (system == null ? "" : "（情報システム " + system.strip() + "）"));
            return ExitCode.OK;
        }
    }
}
