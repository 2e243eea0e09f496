package jp.mamori.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.inventory.CreateSystem;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori system create|list|show}. */
@Command(name = "system", mixinStandardHelpOptions = true, description = {"情報システムの管理", "Information systems."},
        subcommands = {SystemCommand.Create.class, SystemCommand.ListSystems.class, SystemCommand.Show.class})
public class SystemCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "情報システムを登録します / create a system")
    static class Create extends OrganizationCommand {
        @Option(names = "--code", required = true) String code;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--segment", required = true, description = "mynumber | lgwan | internet | cloud") String segment;
        @Option(names = "--confidentiality", required = true, description = "機密性 3A | 3B | 3C | 2 | 1") String confidentiality;
        @Option(names = "--integrity", defaultValue = "1", description = "完全性 2 | 1") String integrity;
        @Option(names = "--availability", defaultValue = "1", description = "可用性 2 | 1") String availability;
        @Option(names = "--owner", description = "所管課 / owner") String owner;
        @Option(names = "--vendor", description = "保守事業者 / maintaining vendor (repeatable)") List<String> vendors = new ArrayList<>();
        @Option(names = "--sbom-tier", description = "minimal | standard | full (default: from importance)") String sbomTier;
        private CreateSystem.Input input;

        @Override
        void check() {
            input = BadInputException.wrap(() -> new CreateSystem.Input(code, name, Segment.parse(segment),
                    new Importance(confidentiality, integrity, availability), owner, sbomTier, vendors));
        }

        @Override
        Integer run(Mamori m, Organization o) {
            ItSystem s = BadInputException.wrap(() -> m.createSystem().run(CliActor.of(null), o.id(), input));
            System.out.println("情報システムを登録しました / created system " + s.code() + " " + s.name());
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "情報システムの一覧 / list systems")
    static class ListSystems extends OrganizationReport<List<ItSystem>> {
        @Override
        List<ItSystem> read(Mamori m, Organization o) {
            return m.inventory().systems().list(o.id());
        }

        @Override
        void print(Mamori m, Organization o, List<ItSystem> systems) {
            TextTable t = new TextTable("コード", "名称", "ネットワーク", "重要度", "所管", "保守事業者");
            systems.forEach(s -> t.row(s.code(), s.name(), s.segment().ja(), s.importance(), s.owner(), String.join(", ", s.vendors())));
            System.out.print(t);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "情報システムの詳細 / show a system")
    static class Show extends OrganizationReport<Show.Shown> {
        @Parameters(paramLabel = "CODE") String code;

        record Shown(ItSystem system, List<Asset> assets) { }

        @Override
        Shown read(Mamori m, Organization o) {
            ItSystem s = m.inventory().systems().find(o.id(), code)
                    .orElseThrow(() -> new BadInputException("情報システムが見つかりません / no system with code '" + code + "'"));
            return new Shown(s, m.inventory().listAssets(o.id(), s.id()));
        }

        @Override
        Object json(Shown shown) {
            return Map.of("system", shown.system(), "assets", shown.assets());
        }

        @Override
        void print(Mamori m, Organization o, Shown shown) {
            ItSystem s = shown.system();
            System.out.println("情報システム: " + s.name() + " (" + s.code() + ")");
            System.out.println("ネットワーク: " + s.segment().ja() + "   重要度: " + s.importance() + "   使命・影響: " + s.importance().mission());
            System.out.println("所管: " + (s.owner() == null ? "-" : s.owner()) + "   保守事業者: " + String.join(", ", s.vendors()));
            TextTable t = new TextTable("資産コード", "名称", "種別", "製品", "版", "公開範囲", "境界");
            shown.assets().forEach(a -> t.row(a.code(), a.name(), a.kind().ja(), a.product(), a.version(), a.exposure().ja(), a.internetBoundary() ? "○" : ""));
            System.out.print(t);
        }
    }
}
