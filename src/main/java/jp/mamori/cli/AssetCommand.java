package jp.mamori.cli;

import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori asset create|list|show}. */
@Command(name = "asset", mixinStandardHelpOptions = true, description = {"資産（機器・ソフトウェア）の管理", "Assets: devices and software."},
        subcommands = {AssetCommand.Create.class, AssetCommand.ListAssets.class, AssetCommand.Show.class})
public class AssetCommand {

    /** No standard help mixin here: its {@code --version} would clash with the asset's {@code --version} and lose {@code --help}. */
    @Command(name = "create", description = "資産を登録します / create an asset")
    static class Create extends OrganizationCommand {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "この説明を表示 / show this help") boolean help;
        @Option(names = "--system", required = true, description = "情報システムのコード / system code") String system;
        @Option(names = "--code", required = true) String code;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--kind", required = true, description = "network-appliance | server | endpoint | application") String kind;
        @Option(names = "--vendor-name", description = "製造元 / manufacturer") String vendorName;
        @Option(names = "--product") String product;
        @Option(names = "--version") String version;
        @Option(names = "--cpe", description = "CPE 2.3, e.g. cpe:2.3:o:citrix:netscaler_gateway_firmware:13.1-49.13:*:*:*:*:*:*:*") String cpe;
        @Option(names = "--exposure", required = true, description = "open | controlled | small") String exposure;
        @Option(names = "--boundary", description = "インターネット境界の機器 / sits at the internet boundary") boolean boundary;
        @Option(names = "--maintainer", description = "保守事業者 / maintaining vendor") String maintainer;
        private AssetKind assetKind;
        private Exposure assetExposure;

        @Override
        void check() {
            assetKind = BadInputException.wrap(() -> AssetKind.parse(kind));
            assetExposure = BadInputException.wrap(() -> Exposure.parse(exposure));
        }

        @Override
        Integer run(Mamori m, Organization o) {
            var sys = m.inventory().systems().require(o.id(), system);
            Asset a = BadInputException.wrap(() -> m.createAsset().run(CliActor.of(null), o.id(), sys.id(), new InventoryRepository.NewAsset(code, name,
                    assetKind, vendorName, product, version, cpe, assetExposure, boundary, maintainer)));
            System.out.println("資産を登録しました / created asset " + a.code() + " " + a.name());
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "資産の一覧（境界装置が先） / list assets, boundary devices first")
    static class ListAssets extends OrganizationReport<List<Asset>> {
        @Option(names = "--system", description = "情報システムで絞り込み / only this system") String system;

        @Override
        List<Asset> read(Mamori m, Organization o) {
            InventoryRepository repo = m.inventory();
            return system == null ? repo.listAssets(o.id()) : repo.listAssets(o.id(), repo.systems().require(o.id(), system).id());
        }

        @Override
        void print(Mamori m, Organization o, List<Asset> assets) {
            TextTable t = new TextTable("資産コード", "名称", "種別", "製品", "版", "CPE", "公開範囲", "境界");
            assets.forEach(a -> t.row(a.code(), a.name(), a.kind().ja(), a.product(), a.version(), a.cpe(), a.exposure().ja(),
                    a.internetBoundary() ? "○" : ""));
            System.out.print(t);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "資産の詳細 / show an asset")
    static class Show extends OrganizationReport<Asset> {
        @Parameters(paramLabel = "CODE") String code;

        @Override
        Asset read(Mamori m, Organization o) {
            return m.inventory().assets().find(o.id(), code)
                    .orElseThrow(() -> new BadInputException("資産が見つかりません / no asset with code '" + code + "'"));
        }

        @Override
        void print(Mamori m, Organization o, Asset a) {
            System.out.println("資産: " + a.name() + " (" + a.code() + ")  種別: " + a.kind().ja());
            System.out.println("製品: " + nz(a.vendorName()) + " " + nz(a.product()) + " " + nz(a.version()));
            System.out.println("CPE: " + nz(a.cpe()));
            System.out.println("公開範囲: " + a.exposure().ja() + " (" + a.exposure().key() + ")" + (a.internetBoundary() ? "  インターネット境界装置" : ""));
            System.out.println("保守事業者: " + nz(a.vendor()));
        }

        private static String nz(String s) {
            return s == null ? "-" : s;
        }
    }
}
