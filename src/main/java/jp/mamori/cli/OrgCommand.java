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

/** {@code mamori org create|list|show|settings}. */
@Command(name = "org", mixinStandardHelpOptions = true, description = {"団体（テナント）の管理", "Organisations (tenants)."},
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class, OrgCommand.Show.class, OrgCommand.Settings.class})
public class OrgCommand {

    /** {@code mamori org settings [--org CODE] [--sbom-strict on|off]}: shows the settings, changes what is given (audited). */
    @Command(name = "settings", mixinStandardHelpOptions = true, description = "団体の設定の表示・変更 / show or change an organisation's settings")
    static class Settings implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--sbom-strict", paramLabel = "on|off", description = "on: スキーマ違反のあるSBOMは登録しません / refuse SBOMs with any schema problem; "
                + "off (既定 / default): 安全に読めれば注意付きで登録 / import them with warnings when they can be read safely") String sbomStrict;
        @Option(names = "--by", paramLabel = "USER", description = "変更者 / who changes it") String by;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Organization o = org.resolve(m.inventory());
                if (sbomStrict != null) {
                    boolean on = switch (sbomStrict.trim().toLowerCase(java.util.Locale.ROOT)) {
                        case "on", "true", "yes" -> true;
                        case "off", "false", "no" -> false;
                        default -> throw new BadInputException("--sbom-strict は on か off です / --sbom-strict must be on or off: '" + sbomStrict + "'");
                    };
                    m.changeOrganizationSettings().sbomStrict(CliActor.of(by), o.id(), on);
                }
                boolean strict = m.organizationSettings().sbomStrict(o.id());
                System.out.println("団体 / organisation: " + o.code() + " " + o.name());
                System.out.println("SBOMのスキーマ検査 / SBOM schema check: " + (strict
                        ? "厳格（違反があれば登録しない） / strict (any schema problem refuses the SBOM) [--sbom-strict on]"
                        : "注意付きで登録（安全に読める場合） / accept with warnings when readable safely [--sbom-strict off]"));
                return ExitCode.OK;
            } catch (InventoryException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
    }

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
                var systems = repo.systems().list(o.id());
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
