package jp.mamori.cli;

import java.time.LocalDate;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.ServiceCategory;
import jp.mamori.partners.Vendor;
import jp.mamori.partners.VendorKind;
import jp.mamori.partners.VendorStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori vendor list|save}: vendors (事業者) with 法人番号, kind and contacts. */
@Command(name = "vendor", mixinStandardHelpOptions = true, description = {"事業者の一覧・登録", "Vendors: list, save."},
        subcommands = {VendorCommand.ListVendors.class, VendorCommand.Save.class})
public class VendorCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "事業者の一覧 / list vendors")
    static class ListVendors extends OrganizationReport<List<Vendor>> {
        @Override
        List<Vendor> read(Mamori m, Organization o) {
            return m.vendors().list(o.id());
        }

        @Override
        void print(Mamori m, Organization o, List<Vendor> vendors) {
            TextTable t = new TextTable("事業者", "種別", "法人番号", "担当", "電話", "24時間窓口", "メール");
            for (Vendor v : vendors) {
                t.row(v.name(), v.kind() == null ? "" : v.kind().ja(), v.corporateNumber(), v.contactPerson(), v.phone(), v.hotline(), v.email());
            }
            System.out.print(t);
            System.out.println(vendors.size() + " 件 / vendors");
        }
    }

    @Command(name = "save", aliases = "add", mixinStandardHelpOptions = true,
            description = "事業者を登録・更新（指定した項目のみ更新） / register a vendor or update the given fields")
    static class Save extends OrganizationCommand {
        @Parameters(paramLabel = "NAME", description = "事業者名 / vendor name") String name;
        @Option(names = "--kind", description = "development | maintenance | operation | cloud | ir") String kind;
        @Option(names = "--corporate-number", paramLabel = "13桁", description = "法人番号 / corporate number (check digit validated)") String corporateNumber;
        @Option(names = "--person", description = "担当者 / contact person") String person;
        @Option(names = "--phone") String phone;
        @Option(names = "--email") String email;
        @Option(names = "--hotline", description = "24時間窓口 / 24-hour line") String hotline;
        @Option(names = "--category", description = "IR: forensics | monitoring | vulnerability-assessment | audit | device-verification") String category;
        @Option(names = "--registration", description = "IR: サービスリスト登録番号 / service-list registration number") String registration;
        @Option(names = "--valid-until", paramLabel = "DATE", description = "IR: 登録の有効期限 / registration valid until") String validUntil;
        @Option(names = "--call-order", description = "IR: 連絡順 / call order") Integer callOrder;
        @Option(names = "--by", paramLabel = "USER") String by;
        private VendorStore.Input input;

        @Override
        void check() {
            LocalDate until = RemediationContext.date(validUntil, "--valid-until");
            input = PartnersCli.guard(() -> new VendorStore.Input(name, corporateNumber, kind == null ? null : VendorKind.parse(kind),
                    person, phone, email, hotline, category == null ? null : ServiceCategory.parse(category), registration, until, callOrder));
        }

        @Override
        Integer run(Mamori m, Organization o) {
            Vendor v = PartnersCli.guard(() -> m.saveVendor().run(CliActor.of(by), o.id(), input));
            System.out.println("事業者を登録しました / vendor saved: " + v.name() + (v.kind() == null ? "" : "（" + v.kind().ja() + "）"));
            return ExitCode.OK;
        }
    }
}
