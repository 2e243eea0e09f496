package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori system create|list|show}. */
@Command(name = "system", mixinStandardHelpOptions = true, description = {"情報システムの管理", "Information systems."},
        subcommands = {SystemCommand.Create.class, SystemCommand.ListSystems.class, SystemCommand.Show.class})
public class SystemCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "情報システムを登録します / create a system")
    static class Create implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--code", required = true) String code;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--segment", required = true, description = "mynumber | lgwan | internet | cloud") String segment;
        @Option(names = "--confidentiality", required = true, description = "機密性 3A | 3B | 3C | 2 | 1") String confidentiality;
        @Option(names = "--integrity", defaultValue = "1", description = "完全性 2 | 1") String integrity;
        @Option(names = "--availability", defaultValue = "1", description = "可用性 2 | 1") String availability;
        @Option(names = "--owner", description = "所管課 / owner") String owner;
        @Option(names = "--vendor", description = "保守事業者 / maintaining vendor (repeatable)") List<String> vendors = new ArrayList<>();
        @Option(names = "--sbom-tier", description = "minimal | standard | full (default: from importance)") String sbomTier;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                InventoryRepository repo = m.inventory();
                Organization o = org.resolve(repo);
                ItSystem s = m.createSystem().run(CliActor.of(null), o.id(), new jp.mamori.app.inventory.CreateSystem.Input(code, name,
                        Segment.parse(segment), new Importance(confidentiality, integrity, availability), owner, sbomTier, vendors));
                System.out.println("情報システムを登録しました / created system " + s.code() + " " + s.name());
                return ExitCode.OK;
            } catch (InventoryException | IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "情報システムの一覧 / list systems")
    static class ListSystems implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                InventoryRepository repo = m.inventory();
                List<ItSystem> systems = repo.listSystems(org.resolve(repo).id());
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(systems));
                } else {
                    TextTable t = new TextTable("コード", "名称", "ネットワーク", "重要度", "所管", "保守事業者");
                    systems.forEach(s -> t.row(s.code(), s.name(), s.segment().ja(), s.importance(), s.owner(), String.join(", ", s.vendors())));
                    System.out.print(t);
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "情報システムの詳細 / show a system")
    static class Show implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Parameters(paramLabel = "CODE") String code;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                InventoryRepository repo = m.inventory();
                Organization o = org.resolve(repo);
                ItSystem s = repo.findSystem(o.id(), code).orElseThrow(() -> new BadInputException("no system with code '" + code + "'"));
                var assets = repo.listAssets(o.id(), s.id());
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(java.util.Map.of("system", s, "assets", assets)));
                } else {
                    System.out.println("情報システム: " + s.name() + " (" + s.code() + ")");
                    System.out.println("ネットワーク: " + s.segment().ja() + "   重要度: " + s.importance() + "   使命・影響: " + s.importance().mission());
                    System.out.println("所管: " + (s.owner() == null ? "-" : s.owner()) + "   保守事業者: " + String.join(", ", s.vendors()));
                    TextTable t = new TextTable("資産コード", "名称", "種別", "製品", "版", "公開範囲", "境界");
                    assets.forEach(a -> t.row(a.code(), a.name(), a.kind().ja(), a.product(), a.version(), a.exposure().ja(), a.internetBoundary() ? "○" : ""));
                    System.out.print(t);
                }
                return ExitCode.OK;
            }
        }
    }
}
