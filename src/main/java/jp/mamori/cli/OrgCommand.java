package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.util.concurrent.Callable;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori org create|list|show}. */
@Command(name = "org", mixinStandardHelpOptions = true, description = {"団体（テナント）の管理", "Organisations (tenants)."},
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class, OrgCommand.Show.class})
public class OrgCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "団体を登録します / create an organisation")
    static class Create implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--code", required = true, description = "団体コード (例: 全国地方公共団体コード) / organisation code") String code;
        @Option(names = "--name", required = true, description = "名称 / name") String name;
        @Option(names = "--kind", defaultValue = "municipality", description = "municipality | prefecture") String kind;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Organization o = m.createOrganization().run(CliActor.of(null), code, name, kind);
                System.out.println("団体を登録しました / created organisation " + o.code() + " " + o.name());
                return ExitCode.OK;
            } catch (InventoryException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "団体の一覧 / list organisations")
    static class ListOrgs implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                var orgs = m.inventory().listOrganizations();
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(orgs));
                } else {
                    TextTable t = new TextTable("団体コード", "名称", "種別");
                    orgs.forEach(o -> t.row(o.code(), o.name(), o.kind()));
                    System.out.print(t);
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "団体の詳細 / show an organisation")
    static class Show implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Parameters(paramLabel = "CODE") String code;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                InventoryRepository repo = m.inventory();
                Organization o = repo.findOrganization(code).orElseThrow(() -> new BadInputException("no organisation with code '" + code + "'"));
                var systems = repo.listSystems(o.id());
                var assets = repo.listAssets(o.id());
                if (format == OutputFormat.json) {
                    System.out.println(Json.pretty(java.util.Map.of("organization", o, "systems", systems.size(), "assets", assets.size())));
                } else {
                    System.out.println("団体: " + o.name() + " (" + o.code() + ", " + o.kind() + ")");
                    System.out.println("情報システム: " + systems.size() + "  資産: " + assets.size()
                            + "  うち境界装置: " + assets.stream().filter(a -> a.internetBoundary()).count());
                }
                return ExitCode.OK;
            }
        }
    }
}
