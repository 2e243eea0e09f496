package jp.mamori.cli;

import java.time.LocalDate;
import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.partners.SaveContract;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.Answer;
import jp.mamori.partners.ClauseAnswer;
import jp.mamori.partners.Contact;
import jp.mamori.partners.ContractKind;
import jp.mamori.partners.ContractStatus;
import jp.mamori.partners.Flag;
import jp.mamori.partners.Party;
import jp.mamori.partners.Phase;
import jp.mamori.partners.ReadinessReport;
import jp.mamori.partners.ServiceCategory;
import jp.mamori.partners.Status;
import jp.mamori.partners.VendorKind;
import jp.mamori.partners.VendorStore;

/**
 * The demo's organisational gaps (the seed's story): the gateway's maintenance contract caps patches
 * at four a year and covers software only; the firewall's contract is complete; the IR partner's NDA
 * expires next month and its configuration share is 200 days old; nobody is responsible for 証拠保全.
 * Per system: the resident records system (juki) has roles of its own whose last drill is overdue, and
 * the telework system's development vendor is to be consulted at containment with no vendor named.
 */
final class DemoPartners {

    static final String GATEWAY_CONTRACT = "GW-MAINT-2026";
    static final String FIREWALL_CONTRACT = "FW-MAINT-2026";
    static final String MAINTAINER = "Aテック株式会社";
    static final String IR_PARTNER = "Eフォレンジック株式会社";
    static final String JUKI = "juki";
    static final String JUKI_VENDOR = "Bシステムズ株式会社";
    static final String TELEWORK = "telework";

    private DemoPartners() { }

    static void run(Mamori m, Organization org) {
        Actor demo = DemoCommand.DEMO;
        LocalDate today = m.today();
        if (m.contracts().find(org.id(), GATEWAY_CONTRACT).isEmpty()) {
            long o = org.id();
            m.saveVendor().run(demo, o, new VendorStore.Input(MAINTAINER, "3010401099999", VendorKind.MAINTENANCE, "保守窓口 佐藤", "03-0000-1111",
                    "support@atech.example", "03-0000-1199", null, null, null, null));
            m.saveVendor().run(demo, o, new VendorStore.Input(IR_PARTNER, "3120001000001", VendorKind.IR, "フォレンジック担当 鈴木", "06-0000-2222",
                    "ir@eforensic.example", "0120-000-119", ServiceCategory.FORENSICS, "IPA-DF-0123", today.plusYears(1), 1));
            // dated from the demo's own day, so that a demo run on any day shows the same flags: began at the start of
            // the previous month, ends a year after that (never within FlagRules.EXPIRING_DAYS of the run), renewal two months before
            LocalDate start = today.minusMonths(1).withDayOfMonth(1);
            m.saveContract().run(demo, o, new SaveContract.Input(GATEWAY_CONTRACT, "テレワークシステム保守業務委託", MAINTAINER, ContractKind.MAINTENANCE,
                    ContractStatus.ACTIVE, start, start.plusYears(1).minusDays(1), start.plusYears(1).minusMonths(2), false, 4, List.of("telework"), List.of()));
            m.answerChecklist().run(demo, o, GATEWAY_CONTRACT, List.of(
                    new ClauseAnswer.Given("patch-process", Answer.ABSENT, null, "脆弱性情報の収集・判断は委託範囲に含まない（仕様書に記載なし）"),
                    new ClauseAnswer.Given("no-patch-cap", Answer.ABSENT, "第12条第2項", "セキュリティパッチの適用は年4回までとする。"),
                    new ClauseAnswer.Given("network-devices", Answer.ABSENT, "仕様書 2.1", "保守対象はテレワークシステムのソフトウェアとする。"),
                    new ClauseAnswer.Given("out-of-cycle", Answer.ABSENT, null, null),
                    new ClauseAnswer.Given("sbom", Answer.PARTIAL, "仕様書 5.3", "構成一覧を納品時に提出する。"),
                    new ClauseAnswer.Given("incident-duties", Answer.PARTIAL, "第20条", "障害発生時は速やかに報告する。"),
                    new ClauseAnswer.Given("audit-right", Answer.PRESENT, "第18条", null)), false);
            m.saveContract().run(demo, o, new SaveContract.Input(FIREWALL_CONTRACT, "インターネット境界ファイアウォール保守", MAINTAINER, ContractKind.MAINTENANCE,
                    ContractStatus.ACTIVE, start, start.plusYears(1).minusDays(1), start.plusYears(1).minusMonths(2), true, null, List.of(), List.of("fw-01")));
            m.answerChecklist().run(demo, o, FIREWALL_CONTRACT, List.of(
                    new ClauseAnswer.Given("patch-process", Answer.PRESENT, "第5条", "脆弱性情報の収集、影響度・緊急度の判断、適用、報告を行う。"),
                    new ClauseAnswer.Given("no-patch-cap", Answer.PRESENT, "第5条第3項", "適用回数に上限を設けない。"),
                    new ClauseAnswer.Given("network-devices", Answer.PRESENT, "仕様書 1.2", null),
                    new ClauseAnswer.Given("out-of-cycle", Answer.PRESENT, "第6条", "KEV掲載の脆弱性は3日以内に適用または回避策を実施する。"),
                    new ClauseAnswer.Given("vendor-mitigation", Answer.PRESENT, "第6条第2項", null),
                    new ClauseAnswer.Given("sbom", Answer.PRESENT, "仕様書 4.1", null),
                    new ClauseAnswer.Given("incident-duties", Answer.PRESENT, "第21条", "2時間以内に連絡し、ログを保全して引き渡す。"),
                    new ClauseAnswer.Given("audit-right", Answer.PRESENT, "第18条", null),
                    new ClauseAnswer.Given("subcontracting", Answer.PRESENT, "第9条", null),
                    new ClauseAnswer.Given("return-deletion", Answer.PRESENT, "第25条", null)), false);
            m.recordNda().run(demo, o, IR_PARTNER, today.minusYears(1).plusMonths(1), today.plusMonths(1), null, null);
            m.shareConfiguration().run(demo, o, IR_PARTNER, "フォレンジック担当 鈴木", today.minusDays(200));
            for (Phase p : Phase.values()) {
                if (p == Phase.EVIDENCE) continue;
                m.assignRole().run(demo, o, p, Party.CSIRT, p == Phase.REPORT || p == Phase.PUBLISH ? "RA" : "A", null);
            }
            m.assignRole().run(demo, o, Phase.DETECT, Party.PREFECTURE_CLOUD, "R", null);
            m.assignRole().run(demo, o, Phase.CONTAIN, Party.MAINTENANCE_VENDOR, "R", MAINTAINER);
            m.assignRole().run(demo, o, Phase.ERADICATE, Party.MAINTENANCE_VENDOR, "R", MAINTAINER);
            m.assignRole().run(demo, o, Phase.RECOVER, Party.DEVELOPMENT_VENDOR, "R", MAINTAINER);
            m.assignRole().run(demo, o, Phase.EVIDENCE, Party.IR_PARTNER, "C", IR_PARTNER);
            m.recordDrill().run(demo, o, today.minusDays(120), "テレワーク機器侵害を想定した机上訓練", "証拠保全の担当が決まっていない");
            // per system where it differs: the resident records system has its own vendor and is not watched by the
            // prefecture's security cloud (マイナンバー利用事務系); its own roles were last exercised over a year ago.
            m.assignSystemRole().set(demo, o, JUKI, Phase.DETECT, Party.PREFECTURE_CLOUD, "-", null);
            m.assignSystemRole().set(demo, o, JUKI, Phase.DETECT, Party.CSIRT, "RA", null);
            m.assignSystemRole().set(demo, o, JUKI, Phase.CONTAIN, Party.MAINTENANCE_VENDOR, "R", JUKI_VENDOR);
            m.assignSystemRole().set(demo, o, JUKI, Phase.ERADICATE, Party.MAINTENANCE_VENDOR, "R", JUKI_VENDOR);
            m.assignSystemRole().set(demo, o, JUKI, Phase.RECOVER, Party.DEVELOPMENT_VENDOR, "R", JUKI_VENDOR);
            m.recordDrill().run(demo, o, JUKI, today.minusDays(400), "住民記録システムの情報漏えいを想定した訓練", "保守ベンダの夜間連絡先が古かった");
            // the telework gateway's product vendor is to be consulted at containment, but no vendor is named for it
            m.assignSystemRole().set(demo, o, TELEWORK, Phase.CONTAIN, Party.DEVELOPMENT_VENDOR, "C", null);
            System.out.println("\n契約・IR事業者・体制表を登録しました / contracts, IR partner and role matrix recorded");
        } else {
            System.out.println("\n契約・IR事業者・体制表は登録済みです / contracts, IR partner and role matrix already recorded");
        }
        System.out.println("契約の指摘（境界装置） / contract flags on boundary devices:");
        for (Flag f : m.partners().flags(org.id(), today)) {
            if (f.contractCode() != null && f.assets().contains(DemoRemediation.GATEWAY)) System.out.println("  [" + f.flag().ja() + "] " + f.ja());
        }
        ReadinessReport r = m.partners().readiness(org.id(), org.code(), org.name(), today);
        System.out.println("準備状況 / readiness: 要対応 " + r.count(Status.RED) + "・要注意 " + r.count(Status.AMBER) + "・良好 " + r.count(Status.GREEN)
                + "（`mamori readiness show` / Web の「準備状況」）");
        for (ReadinessReport.Row row : r.rows()) System.out.println("  " + ReadinessCommand.mark(row.status()) + "  " + row.titleJa());
        List<Contact> contacts = m.partners().contacts(org.id(), today);
        if (!contacts.isEmpty()) {
            Contact c = contacts.get(0);
            System.out.println("インシデント時の連絡先 / first call: " + c.vendorName() + " 24時間窓口 " + c.hotline() + "（" + c.ndaState() + "）`mamori partner contact`");
        }
    }
}
