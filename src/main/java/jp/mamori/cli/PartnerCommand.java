package jp.mamori.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.app.Mamori;
import jp.mamori.app.partners.ShareConfiguration;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.ConfigShare;
import jp.mamori.partners.Contact;
import jp.mamori.partners.ContractDocument;
import jp.mamori.partners.PartnerList;
import jp.mamori.partners.Vendor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori partner list|nda|share|contact}: incident-response partners (インシデント対応事業者). */
@Command(name = "partner", mixinStandardHelpOptions = true, description = {"インシデント対応事業者（NDA・構成情報の共有・緊急連絡先）",
        "IR partners: NDA, configuration shares, whom to call."},
        subcommands = {PartnerCommand.ListPartners.class, PartnerCommand.ImportList.class, PartnerCommand.Nda.class, PartnerCommand.Share.class, PartnerCommand.ContactList.class})
public class PartnerCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "IR事業者の一覧 / IR partners")
    static class ListPartners extends OrganizationReport<List<Vendor>> {
        @Override
        List<Vendor> read(Mamori m, Organization o) {
            return m.vendors().list(o.id()).stream().filter(Vendor::ir).toList();
        }

        @Override
        void print(Mamori m, Organization o, List<Vendor> ir) {
            LocalDate today = m.today();
            TextTable t = new TextTable("連絡順", "事業者", "区分", "登録番号", "有効期限", "NDA", "最終共有", "次回期限");
            for (Vendor v : ir) {
                ConfigShare s = m.shares().last(o.id(), v.id()).orElse(null);
                t.row(v.callOrder(), v.name(), v.serviceCategory() == null ? "" : v.serviceCategory().ja(), v.registrationNumber(), v.registrationValidUntil(),
                        v.ndaState(today), s == null ? "なし" : s.sharedOn(), s == null ? "" : s.nextDue() + (s.overdue(today) ? " 期限超過" : ""));
            }
            System.out.print(t);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "IR事業者の一覧（CSV・.xlsx）を取り込み（全体を検証、不備があれば何も登録しない） / import the IR partners list (all or nothing)")
    static class ImportList extends FileInputCommand {
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        Path file() {
            return file;
        }

        @Override
        long maxBytes() {
            return PartnerList.MAX_BYTES;
        }

        @Override
        Integer run(Mamori m, Organization o) {
            List<Vendor> saved = m.importPartners().run(CliActor.of(by), o.id(), file.getFileName().toString(), bytes);
            System.out.println("IR事業者を取り込みました / partners imported: " + saved.size() + " 件");
            return ExitCode.OK;
        }
    }

    @Command(name = "nda", mixinStandardHelpOptions = true, description = "NDA の締結を記録 / record the NDA signed with a partner")
    static class Nda extends OrganizationCommand {
        @Parameters(paramLabel = "VENDOR") String vendor;
        @Option(names = "--signed", required = true, paramLabel = "DATE") String signed;
        @Option(names = "--expires", paramLabel = "DATE") String expires;
        @Option(names = "--document", paramLabel = "FILE", description = "署名済み NDA（PDF・Office） / the signed NDA") Path document;
        @Option(names = "--by", paramLabel = "USER") String by;
        private LocalDate signedOn;
        private LocalDate expiresOn;
        private byte[] doc;

        @Override
        void check() {
            signedOn = RemediationContext.date(signed, "--signed");
            expiresOn = RemediationContext.date(expires, "--expires");
            doc = document == null ? null : PartnersCli.read(document, ContractDocument.MAX_BYTES + 1L);
        }

        @Override
        Integer run(Mamori m, Organization o) {
            Vendor v = PartnersCli.guard(() -> m.recordNda().run(CliActor.of(by), o.id(), vendor, signedOn, expiresOn,
                    document == null ? null : document.getFileName().toString(), doc));
            System.out.println("NDA を記録しました / NDA recorded: " + v.name() + " " + v.ndaState(m.today()));
            return ExitCode.OK;
        }
    }

    @Command(name = "share", mixinStandardHelpOptions = true,
            description = "構成情報パッケージを生成して共有を記録 / generate the configuration package and record the share")
    static class Share extends OrganizationCommand {
        @Parameters(paramLabel = "VENDOR") String vendor;
        @Option(names = "--recipient", description = "受領者 / recipient") String recipient;
        @Option(names = "--on", paramLabel = "DATE", description = "共有日（既定: 今日） / share date (default today)") String on;
        @Option(names = "--out", paramLabel = "DIR", description = "パッケージの出力先 / where to write the package") Path out;
        @Option(names = "--by", paramLabel = "USER") String by;
        private LocalDate date;

        @Override
        void check() {
            date = RemediationContext.date(on, "--on");
        }

        @Override
        Integer run(Mamori m, Organization o) {
            ShareConfiguration.Result r = PartnersCli.guard(() -> m.shareConfiguration().run(CliActor.of(by), o.id(), vendor, recipient, date));
            if (out != null) {
                PartnersCli.write(out.resolve(r.pack().fileName()), r.pack().json());
                PartnersCli.write(out.resolve(r.pack().xlsxName()), r.pack().xlsx());
            }
            System.out.println("構成情報の共有を記録しました / configuration share recorded: " + vendor + " " + r.share().sharedOn() + " SHA-256 "
                    + r.share().sha256() + "（次回 " + r.share().nextDue() + "）" + (out == null ? "" : " → " + out.resolve(r.pack().fileName())));
            return ExitCode.OK;
        }
    }

    @Command(name = "contact", mixinStandardHelpOptions = true, description = "インシデント発生時の連絡先（順番どおり） / whom to call, in order")
    static class ContactList extends OrganizationReport<List<Contact>> {
        @Override
        List<Contact> read(Mamori m, Organization o) {
            return m.partners().contacts(o.id(), m.today());
        }

        @Override
        void print(Mamori m, Organization o, List<Contact> contacts) {
            System.out.println("【インシデント発生時の連絡先 / whom to call】" + o.name());
            TextTable t = new TextTable("順", "役割", "事業者", "担当", "24時間窓口", "電話", "NDA", "最終構成共有", "次回共有", "備考");
            for (Contact c : contacts) {
                t.row(c.order(), c.role(), c.vendorName(), c.person(), c.hotline() == null ? "なし" : c.hotline(), c.phone(), c.ndaState(),
                        c.lastShare() == null ? "なし" : c.lastShare(), c.shareDueNow() ? c.shareDue() : c.nextShareDue() == null ? "" : c.nextShareDue(), c.note());
            }
            System.out.print(t);
            if (contacts.isEmpty()) System.out.println("連絡先が登録されていません / no contacts recorded: `mamori vendor save NAME --kind ir --hotline ...`");
        }
    }
}
