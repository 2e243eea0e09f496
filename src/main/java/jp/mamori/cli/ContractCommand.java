package jp.mamori.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.partners.AnswerChecklist;
import jp.mamori.app.partners.SaveContract;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Answer;
import jp.mamori.partners.ChecklistWorkbook;
import jp.mamori.partners.ClauseAnswer;
import jp.mamori.partners.Contract;
import jp.mamori.partners.ContractDocument;
import jp.mamori.partners.ContractKind;
import jp.mamori.partners.ContractStatus;
import jp.mamori.partners.ContractView;
import jp.mamori.partners.Flag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori contract ...}: contracts, what they cover, the clause checklist and the derived flags. */
@Command(name = "contract", mixinStandardHelpOptions = true, description = {"契約の登録・条項チェック・リスク指摘", "Contracts: coverage, clause checklist, risk flags."},
        subcommands = {ContractCommand.ListContracts.class, ContractCommand.Save.class, ContractCommand.Show.class, ContractCommand.Flags.class,
                ContractCommand.AnswerItem.class, ContractCommand.ExportChecklist.class, ContractCommand.ImportChecklist.class,
                ContractCommand.Approve.class, ContractCommand.Attach.class})
public class ContractCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "契約の一覧と指摘 / contracts with their flags")
    static class ListContracts extends OrganizationReport<List<ContractView>> {
        @Override
        List<ContractView> read(Mamori m, Organization o) {
            return m.partners().views(o.id(), m.today());
        }

        @Override
        Object json(List<ContractView> views) {
            return views.stream().map(v -> Map.of("contract", v.contract(), "flags", v.flags(),
                    "covered", v.covered().stream().map(a -> a.code()).toList())).toList();
        }

        @Override
        void print(Mamori m, Organization o, List<ContractView> views) {
            TextTable t = new TextTable("契約", "契約名", "事業者", "種別", "状態", "終了日", "対象", "指摘");
            for (ContractView v : views) {
                Contract k = v.contract();
                t.row(k.code(), k.title(), k.vendorName(), k.kind().ja(), k.status().ja(), k.endsOn(), v.covered().size() + " 資産",
                        String.join("・", v.flags().stream().map(f -> f.flag().ja()).distinct().toList()));
            }
            System.out.print(t);
            System.out.println(views.size() + " 件 / contracts");
        }
    }

    @Command(name = "save", aliases = "add", mixinStandardHelpOptions = true, description = "契約を登録・置き換え / register or replace a contract")
    static class Save extends OrganizationCommand {
        @Parameters(paramLabel = "CODE", description = "契約コード / contract code") String code;
        @Option(names = "--title", required = true, description = "契約名 / title") String title;
        @Option(names = "--vendor", required = true, description = "事業者名 / vendor name") String vendor;
        @Option(names = "--kind", defaultValue = "maintenance", description = "maintenance | operation | development | cloud") String kind;
        @Option(names = "--status", defaultValue = "active", description = "draft | active | expired | terminated") String status;
        @Option(names = "--starts", paramLabel = "DATE") String starts;
        @Option(names = "--ends", paramLabel = "DATE") String ends;
        @Option(names = "--renewal", paramLabel = "DATE", description = "更新日 / renewal date") String renewal;
        @Option(names = "--network-devices", description = "ネットワーク機器・境界装置も対象 / covers network and boundary devices") boolean network;
        @Option(names = "--patch-cap", paramLabel = "N", description = "年間パッチ適用回数の上限（契約の定め） / patches a year the contract caps at") Integer cap;
        @Option(names = "--systems", paramLabel = "CODE,...", description = "対象システム / systems covered") String systems;
        @Option(names = "--assets", paramLabel = "CODE,...", description = "対象資産 / assets covered") String assets;
        @Option(names = "--by", paramLabel = "USER") String by;
        private SaveContract.Input input;

        @Override
        void check() {
            input = PartnersCli.guard(() -> new SaveContract.Input(code, title, vendor, ContractKind.parse(kind), ContractStatus.parse(status),
                    RemediationContext.date(starts, "--starts"), RemediationContext.date(ends, "--ends"), RemediationContext.date(renewal, "--renewal"),
                    network, cap, PartnersCli.codes(systems), PartnersCli.codes(assets)));
        }

        @Override
        Integer run(Mamori m, Organization o) {
            Contract k = PartnersCli.guard(() -> m.saveContract().run(CliActor.of(by), o.id(), input));
            ContractView v = m.partners().view(k, m.today());
            System.out.println("契約を登録しました / contract saved: " + k.code() + "「" + k.title() + "」（" + k.vendorName() + "、対象 " + v.covered().size() + " 資産）");
            PartnersCli.printFlags(v.flags());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "契約の条項チェックと指摘 / a contract's checklist and flags")
    static class Show extends OrganizationReport<ContractView> {
        @Parameters(paramLabel = "CODE") String code;

        @Override
        ContractView read(Mamori m, Organization o) {
            Contract k = PartnersCli.guard(() -> m.contracts().require(o.id(), code));
            return m.partners().view(k, m.today());
        }

        @Override
        void print(Mamori m, Organization o, ContractView v) {
            Contract k = v.contract();
            System.out.println(k.code() + "「" + k.title() + "」 " + k.vendorName() + " / " + k.kind().ja() + " / " + k.status().ja()
                    + " / " + (k.startsOn() == null ? "" : k.startsOn()) + "〜" + (k.endsOn() == null ? "" : k.endsOn())
                    + (k.documentSha256() == null ? "" : " / 契約書 " + k.documentName() + " SHA-256 " + k.documentSha256()));
            System.out.println("対象 / covers: " + String.join("、", v.covered().stream().map(a -> a.label()).toList()));
            TextTable t = new TextTable("項目", "要否", "回答", "条項・頁", "確認者", "承認待ち");
            for (ContractView.Item it : v.checklist()) {
                ClauseAnswer a = it.answer();
                t.row(it.item().key() + " " + it.item().titleJa(), it.required() ? "必須" : "条件外", a == null || a.answer() == null ? "未確認" : a.answer().ja(),
                        a == null ? "" : a.article(), a == null ? "" : a.reviewedBy(), a != null && a.pending() ? a.proposedAnswer().ja() + "（" + a.proposedBy() + "）" : "");
            }
            System.out.print(t);
            System.out.println("指摘 / flags:");
            PartnersCli.printFlags(v.flags());
        }
    }

    @Command(name = "flags", mixinStandardHelpOptions = true, description = "団体の契約リスク指摘（契約なし資産を含む） / every flag of the organisation")
    static class Flags extends OrganizationReport<List<Flag>> {
        @Override
        List<Flag> read(Mamori m, Organization o) {
            return m.partners().flags(o.id(), m.today());
        }

        @Override
        void print(Mamori m, Organization o, List<Flag> flags) {
            TextTable t = new TextTable("指摘", "契約", "事業者", "条項", "資産");
            for (Flag f : flags) t.row(f.flag().ja(), f.contractCode(), f.vendorName(), f.itemKey(), String.join(",", f.assets()));
            System.out.print(t);
            for (Flag f : flags) System.out.println("・" + f.ja());
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true, description = "条項チェックの1項目に回答 / answer one checklist item")
    static class AnswerItem extends OrganizationCommand {
        @Parameters(index = "0", paramLabel = "CODE") String code;
        @Parameters(index = "1", paramLabel = "ITEM", description = "項目キー / item key (e.g. no-patch-cap)") String item;
        @Parameters(index = "2", paramLabel = "ANSWER", description = "有 | 一部 | 無 | 対象外 (present | partial | absent | not-applicable)") String answer;
        @Option(names = "--article", description = "条項・頁 / article or page") String article;
        @Option(names = "--text", description = "条項の文言 / clause text") String text;
        @Option(names = "--as-vendor", description = "事業者の回答として（承認待ち） / as the vendor's answer (awaits approval)") boolean asVendor;
        @Option(names = "--by", paramLabel = "USER") String by;
        private ClauseAnswer.Given given;

        @Override
        void check() {
            given = PartnersCli.guard(() -> new ClauseAnswer.Given(item, Answer.parse(answer), article, text));
        }

        @Override
        Integer run(Mamori m, Organization o) {
            AnswerChecklist.Result r = PartnersCli.guard(() -> m.answerChecklist().run(CliActor.of(by), o.id(), code, List.of(given), asVendor));
            System.out.println((r.proposed() ? "回答を登録しました（承認待ち） / answer proposed: " : "回答を登録しました / answer recorded: ")
                    + code + " " + item + " = " + given.answer().ja());
            return ExitCode.OK;
        }
    }

    @Command(name = "export-checklist", mixinStandardHelpOptions = true, description = "条項チェックリストを Excel に出力 / export the checklist as .xlsx")
    static class ExportChecklist extends OrganizationCommand {
        @Parameters(paramLabel = "CODE") String code;
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx") Path out;

        @Override
        Integer run(Mamori m, Organization o) {
            Contract k = PartnersCli.guard(() -> m.contracts().require(o.id(), code));
            PartnersCli.write(out, ChecklistWorkbook.write(m.partners().view(k, m.today())));
            System.out.println("チェックリストを出力しました / checklist written: " + out);
            return ExitCode.OK;
        }
    }

    @Command(name = "import-checklist", mixinStandardHelpOptions = true,
            description = "記入済みチェックリスト（.xlsx）を取り込み（全体を検証、不備があれば何も登録しない） / import a filled-in checklist (all or nothing)")
    static class ImportChecklist extends FileInputCommand {
        @Parameters(index = "0", paramLabel = "CODE") String code;
        @Parameters(index = "1", paramLabel = "FILE.xlsx") Path file;
        @Option(names = "--as-vendor", description = "事業者の回答として（承認待ち） / as the vendor's answers (await approval)") boolean asVendor;

        @Override
        Path file() {
            return file;
        }

        @Override
        long maxBytes() {
            return ChecklistWorkbook.MAX_BYTES;
        }

        @Override
        Integer run(Mamori m, Organization o) {
            AnswerChecklist.Result r = m.answerChecklist().fromWorkbook(CliActor.of(by), o.id(), code, file.toString(), bytes, asVendor);
            System.out.println("チェックリストを取り込みました / checklist imported: " + code + " " + r.answered() + " 項目" + (r.proposed() ? "（承認待ち / awaiting approval）" : ""));
            return ExitCode.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "事業者の回答を承認 / approve the vendor's proposed answers")
    static class Approve extends OrganizationCommand {
        @Parameters(paramLabel = "CODE") String code;
        @Option(names = "--by", paramLabel = "USER") String by;

        @Override
        Integer run(Mamori m, Organization o) {
            int n = PartnersCli.guard(() -> m.approveChecklist().run(CliActor.of(by), o.id(), code));
            System.out.println("回答を承認しました / answers approved: " + code + " " + n + " 項目");
            return ExitCode.OK;
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true, description = "契約書（PDF・Office）を登録 / attach the contract document")
    static class Attach extends FileInputCommand {
        @Parameters(index = "0", paramLabel = "CODE") String code;
        @Parameters(index = "1", paramLabel = "FILE") Path file;

        @Override
        Path file() {
            return file;
        }

        @Override
        long maxBytes() {
            return ContractDocument.MAX_BYTES;
        }

        @Override
        Integer run(Mamori m, Organization o) {
            ContractDocument d = PartnersCli.guard(() -> m.attachContractDocument().run(CliActor.of(by), o.id(), code, file.getFileName().toString(), bytes));
            System.out.println("契約書を登録しました / document attached: " + d.name() + " SHA-256 " + d.sha256());
            return ExitCode.OK;
        }
    }
}
