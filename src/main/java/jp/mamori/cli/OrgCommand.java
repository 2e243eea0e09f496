package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori org create|list|show|settings}. */
@Command(name = "org", mixinStandardHelpOptions = true, description = {"団体（テナント）の管理", "Organisations (tenants)."},
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class, OrgCommand.Show.class, OrgCommand.Settings.class})
public class OrgCommand {

    /** {@code mamori org settings [--org CODE] [--sbom-strict on|off]}: shows the settings, changes what is given (audited). */
    @Command(name = "settings", mixinStandardHelpOptions = true, description = "団体の設定の表示・変更 / show or change an organisation's settings")
    static class Settings extends OrganizationCommand {
        @Option(names = "--sbom-strict", paramLabel = "on|off", description = "on: スキーマ違反のあるSBOMは登録しません / refuse SBOMs with any schema problem; "
                + "off (既定 / default): 安全に読めれば注意付きで登録 / import them with warnings when they can be read safely") String sbomStrict;
        @Option(names = "--by", paramLabel = "USER", description = "変更者 / who changes it") String by;
        private Boolean strictWanted;

        @Override
        void check() {
            if (sbomStrict == null) return;
            strictWanted = switch (sbomStrict.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new BadInputException("--sbom-strict は on か off です / --sbom-strict must be on or off: '" + sbomStrict + "'");
            };
        }

        @Override
        Integer run(Mamori m, Organization o) {
            if (strictWanted != null) {
                inventoryInput(() -> {
                    m.changeOrganizationSettings().sbomStrict(CliActor.of(by), o.id(), strictWanted);
                    return null;
                });
            }
            boolean strict = m.organizationSettings().sbomStrict(o.id());
            System.out.println("団体 / organisation: " + o.code() + " " + o.name());
            System.out.println("SBOMのスキーマ検査 / SBOM schema check: " + (strict
                    ? "厳格（違反があれば登録しない） / strict (any schema problem refuses the SBOM) [--sbom-strict on]"
                    : "注意付きで登録（安全に読める場合） / accept with warnings when readable safely [--sbom-strict off]"));
            return ExitCode.OK;
        }
    }

    /** An inventory rule the input breaks (a taken code, a control character) is the user's input: exit 2. */
    static <T> T inventoryInput(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InventoryException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "団体を登録します / create an organisation")
    static class Create extends InstanceCommand {
        @Option(names = "--code", required = true, description = "団体コード (例: 全国地方公共団体コード) / organisation code") String code;
        @Option(names = "--name", required = true, description = "名称 / name") String name;
        @Option(names = "--kind", defaultValue = "municipality", description = "municipality | prefecture") String kind;

        @Override
        Integer run(Mamori m) {
            Organization o = inventoryInput(() -> m.createOrganization().run(CliActor.of(null), code, name, kind));
            System.out.println("団体を登録しました / created organisation " + o.code() + " " + o.name());
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "団体の一覧 / list organisations")
    static class ListOrgs extends InstanceReport<List<Organization>> {
        @Override
        List<Organization> read(Mamori m) {
            return m.inventory().listOrganizations();
        }

        @Override
        void print(Mamori m, List<Organization> orgs) {
            TextTable t = new TextTable("団体コード", "名称", "種別");
            orgs.forEach(o -> t.row(o.code(), o.name(), o.kind()));
            System.out.print(t);
        }
    }

    /** One organisation with how many systems and assets it holds. */
    record Overview(Organization organization, List<ItSystem> systems, List<Asset> assets) { }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "団体の詳細 / show an organisation")
    static class Show extends InstanceReport<Overview> {
        @Parameters(paramLabel = "CODE") String code;

        @Override
        Overview read(Mamori m) {
            InventoryRepository repo = m.inventory();
            Organization o = repo.findOrganization(code).orElseThrow(() -> new BadInputException("no organisation with code '" + code + "'"));
            return new Overview(o, repo.systems().list(o.id()), repo.listAssets(o.id()));
        }

        @Override
        Object json(Overview v) {
            return Map.of("organization", v.organization(), "systems", v.systems().size(), "assets", v.assets().size());
        }

        @Override
        void print(Mamori m, Overview v) {
            Organization o = v.organization();
            System.out.println("団体: " + o.name() + " (" + o.code() + ", " + o.kind() + ")");
            System.out.println("情報システム: " + v.systems().size() + "  資産: " + v.assets().size()
                    + "  うち境界装置: " + v.assets().stream().filter(Asset::internetBoundary).count());
        }
    }
}
