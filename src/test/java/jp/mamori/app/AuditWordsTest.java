package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** The audit page reads in words: every action Mamori records has a label in both languages, and details read as labelled fields. */
class AuditWordsTest {

    @Test
    void everyRecordedActionHasAJapaneseAndAnEnglishLabel() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : List.of(Audited.class, AuditAction.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class || !Modifier.isPublic(f.getModifiers())) continue;
                String action = (String) f.get(null);
                if (!action.matches("[a-z_]+\\.[a-z_]+")) continue;
                if (!AuditWords.hasLabel(action)) missing.add(c.getSimpleName() + "." + f.getName() + " = " + action);
                else {
                    assertThat(AuditWords.action(action, false)).as(action).containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
                    assertThat(AuditWords.action(action, true)).as(action).matches("[ -~]+");
                }
            }
        }
        assertThat(missing).as("add a label in AuditWords.ACTIONS").isEmpty();
    }

    @Test
    void aDecisionReadsAsLabelledFields() {
        String detail = "decision:5 action=mitigate new->mitigation_planned until=2026-12-20 asset=vpn-gw-01 vuln=CVE-2023-4966"
                + " reason=セッションを全て終了し、12月20日までに 13.1-49.15 へ更新 (vendor=Aテック)";
        assertThat(AuditWords.detail(detail, false)).isEqualTo("判断 #5 判断: "
                + jp.mamori.remediation.DecisionAction.MITIGATE.ja() + " 新規→" + jp.mamori.remediation.FindingState.MITIGATION_PLANNED.ja()
                + "、期限・見直し日: 2026-12-20、資産: vpn-gw-01、脆弱性: CVE-2023-4966、理由: セッションを全て終了し、12月20日までに 13.1-49.15 へ更新 (vendor=Aテック)");
        assertThat(AuditWords.detail(detail, true)).isEqualTo("decision:5 decision: mitigate new→mitigation_planned, until: 2026-12-20,"
                + " asset: vpn-gw-01, vulnerability: CVE-2023-4966, reason: セッションを全て終了し、12月20日までに 13.1-49.15 へ更新 (vendor=Aテック)");
        assertThat(AuditWords.action("finding.decided", false)).isEqualTo("対応を判断");
        assertThat(AuditWords.action("some.future_action", false)).as("unknown actions keep their key").isEqualTo("some.future_action");
        assertThat(AuditWords.detail("free text without fields", false)).isEqualTo("free text without fields");
        assertThat(AuditWords.detail(null, false)).isNull();
    }

    @Test
    void aUsersNameInQuotesStaysOneValueWhateverItHolds() {
        String hostile = "evil\"> src=x onerror=alert(1).cdx.json";
        String detail = "sbom:7 file=" + jp.mamori.audit.AuditDetail.quote(hostile) + " format=cyclonedx 1.6 components=2";
        assertThat(detail).as("the stored detail quotes it").contains("file=\"evil\\\"> src=x onerror=alert(1).cdx.json\"");
        assertThat(AuditWords.detail(detail, false)).isEqualTo("SBOM #7 ファイル: " + hostile + "、形式: cyclonedx 1.6、コンポーネント数: 2");
        assertThat(AuditWords.detail("name=" + jp.mamori.audit.AuditDetail.quote("Aテック 株式会社") + " kind=ir", true))
                .isEqualTo("name: Aテック 株式会社, kind: ir");
        assertThat(jp.mamori.audit.AuditDetail.quote("plain.json")).as("a plain word is written as it is").isEqualTo("plain.json");
        assertThat(jp.mamori.audit.AuditDetail.quote("")).isEqualTo("\"\"");
        assertThat(AuditWords.detail("file=\"never closed src=x", false)).as("an unclosed quote runs to the end")
                .isEqualTo("ファイル: never closed src=x");
        assertThat(AuditWords.detail("file=old name.json format=spdx", false)).as("entries written before quoting read as before")
                .isEqualTo("ファイル: old name.json、形式: spdx");
    }

    @Test
    void theChannelAndTheOsAccountReadInWordsAndTheTextAfterThemStays() {
        String detail = "via=cli os=tanaka decision:3 action=patch until=2027-01-10 asset=fw-01 vuln=CVE-2024-3400 reason=保守日に適用";
        assertThat(AuditWords.detail("finding.decided", detail, false)).isEqualTo("操作経路: コマンド（CLI）、OSアカウント: tanaka 判断 #3 判断: "
                + jp.mamori.remediation.DecisionAction.PATCH.ja() + "、期限・見直し日: 2027-01-10、資産: fw-01、脆弱性: CVE-2024-3400、理由: 保守日に適用");
        assertThat(AuditWords.detail("finding.decided", detail, true)).isEqualTo("via: cli, OS account: tanaka decision:3 decision: patch,"
                + " until: 2027-01-10, asset: fw-01, vulnerability: CVE-2024-3400, reason: 保守日に適用");
        assertThat(AuditWords.detail("auth.sign_in", "via=web ip=192.0.2.10 factors=password+totp", false))
                .isEqualTo("操作経路: ウェブ画面、接続元: 192.0.2.10、認証要素: パスワード＋確認コード");
        assertThat(AuditWords.detail("job.queued", "via=system kind=feeds_sync", false)).isEqualTo("操作経路: Mamori（自動処理）、種別: feeds_sync");
        assertThat(AuditWords.detail("sbom.added", "via=demo os=root sbom:8 file=a.json", false))
                .isEqualTo("操作経路: デモ、OSアカウント: root SBOM #8 ファイル: a.json");
    }

    @Test
    void storedValuesReadInJapaneseByTheActionTheyBelongTo() {
        assertThat(AuditWords.detail("vendor.saved", "via=web name=Aテック株式会社 kind=maintenance corporate_number=3010401099999 hotline=03-0000-1199", false))
                .isEqualTo("操作経路: ウェブ画面、名称: Aテック株式会社、種別: 保守、法人番号: 3010401099999、24時間窓口: 03-0000-1199");
        assertThat(AuditWords.detail("vendor.saved", "via=web name=E社 kind=ir", false)).isEqualTo("操作経路: ウェブ画面、名称: E社、種別: インシデント対応");
        assertThat(AuditWords.detail("contract.saved", "via=api vendor=A社 kind=maintenance status=active ends=2027-10-31 network_devices=false patch_cap=4", false))
                .isEqualTo("操作経路: API、事業者: A社、種別: 保守、状態: 有効、契約終了日: 2027-10-31、ネットワーク機器を含む: いいえ、パッチ適用の上限: 4");
        assertThat(AuditWords.detail("asset.created", "via=web name=GW kind=NETWORK_APPLIANCE exposure=OPEN boundary=true", false))
                .isEqualTo("操作経路: ウェブ画面、名称: GW、種別: ネットワーク機器、露出度: インターネット公開、境界機器: はい");
        assertThat(AuditWords.detail("system.created", "via=web name=テレワークシステム segment=internet importance=3B/2/2", false))
                .isEqualTo("操作経路: ウェブ画面、名称: テレワークシステム、区分: インターネット接続系、重要度: 3B/2/2");
        assertThat(AuditWords.detail("organization.created", "via=cli os=root name=守里県 kind=prefecture", false))
                .isEqualTo("操作経路: コマンド（CLI）、OSアカウント: root、名称: 守里県、種別: 都道府県");
        assertThat(AuditWords.detail("user.created", "role=SECURITY_OFFICER organization=2 ciso=true", false))
                .isEqualTo("役割: 情報セキュリティ担当、団体: 2、CISO: はい");
        assertThat(AuditWords.detail("finding.mitigation_updated", "via=web mitigation:4 status=done", false))
                .isEqualTo("操作経路: ウェブ画面 回避策の項目 #4 状態: 完了");
        assertThat(AuditWords.detail("organization.settings_changed", "via=web sbom_strict=on", false))
                .isEqualTo("操作経路: ウェブ画面、SBOMの厳格な確認: 有効");
        assertThat(AuditWords.detail("vendor.saved", "via=web name=E社 kind=ir", true)).as("English keeps the stored values")
                .isEqualTo("via: web, name: E社, kind: ir");
        assertThat(AuditWords.detail("asset.created", "via=web kind=SOMETHING_NEW", false)).as("a value with no reading stays as stored")
                .isEqualTo("操作経路: ウェブ画面、種別: SOMETHING_NEW");
    }

    @Test
    void aChecklistAnswerReadsAsTheItemsTitleAndTheAnswer() {
        jp.mamori.partners.ClauseItem patch = jp.mamori.partners.ClauseCatalogue.shipped().item("patch-process").orElseThrow();
        jp.mamori.partners.ClauseItem cap = jp.mamori.partners.ClauseCatalogue.shipped().item("no-patch-cap").orElseThrow();
        String detail = "via=demo os=root items=2 patch-process=absent no-patch-cap=partial";
        assertThat(AuditWords.detail("contract.checklist_answered", detail, false))
                .isEqualTo("操作経路: デモ、OSアカウント: root、項目数: 2、" + patch.titleJa() + ": 無、" + cap.titleJa() + ": 一部");
        assertThat(AuditWords.detail("contract.checklist_answered", detail, true))
                .isEqualTo("via: demo, OS account: root, items: 2, " + patch.titleEn() + ": absent, " + cap.titleEn() + ": partial");
        assertThat(AuditWords.unlabelledKeys("contract.checklist_answered", detail)).isEmpty();
        assertThat(AuditWords.unlabelledKeys("contract.checklist_answered", "via=web made-up-item=present")).containsExactly("made-up-item");
    }

    @Test
    void importCountsAndLogFilesReadInWords() {
        assertThat(AuditWords.detail("feeds.imported", "via=cli os=root documents=7 failed=0 touched=13 records_new=16 records_updated=0"
                + " records_unchanged=0 kev=12 findings_new=1 findings_reopened=0 findings_updated=0 findings_closed=2", false))
                .isEqualTo("操作経路: コマンド（CLI）、OSアカウント: root、文書数: 7、失敗: 0、影響した脆弱性: 13、新規の記述: 16、更新した記述: 0、"
                        + "変更のない記述: 0、KEV: 12、新規の検出: 1、再検出: 0、更新した検出: 0、解消した検出: 2");
        assertThat(AuditWords.detail("feeds.synced", "via=system kev=updated nvd=failed touched=3", false))
                .isEqualTo("操作経路: Mamori（自動処理）、CISA KEV: 更新あり、NVD: 失敗、影響した脆弱性: 3");
        assertThat(AuditWords.detail("logs.imported", "via=web files=\"ns.log(netscaler 2275 lines, 3 rejected),squid.log(squid 10 lines, 0 rejected)\" detections=6", false))
                .isEqualTo("操作経路: ウェブ画面、ファイル: ns.log（netscaler 2275行、拒否 3行）,squid.log（squid 10行、拒否 0行）、検知: 6");
        assertThat(AuditWords.unlabelledKeys("feeds.synced", "via=system kev=updated nvd=failed")).isEmpty();
        assertThat(AuditWords.unlabelledKeys("sbom.added", "via=system nvd=updated")).as("a source key is a label only in a feed entry").containsExactly("nvd");
    }

    @Test
    void theAuditsRoleNamesAreTheRolesOwn() {
        java.util.Map<String, String> expected = new java.util.HashMap<>();
        for (jp.mamori.security.Role r : jp.mamori.security.Role.values()) expected.put(r.name(), r.ja());
        assertThat(AuditValues.ROLES).as("AuditValues.ROLES must name every role as Role does").isEqualTo(expected);
    }
}
