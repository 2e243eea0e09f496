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
        assertThat(AuditWords.detail(detail, false)).isEqualTo("decision:5 判断: "
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
        assertThat(AuditWords.detail(detail, false)).isEqualTo("sbom:7 ファイル: " + hostile + "、形式: cyclonedx 1.6、コンポーネント数: 2");
        assertThat(AuditWords.detail("name=" + jp.mamori.audit.AuditDetail.quote("Aテック 株式会社") + " kind=ir", true))
                .isEqualTo("name: Aテック 株式会社, kind: ir");
        assertThat(jp.mamori.audit.AuditDetail.quote("plain.json")).as("a plain word is written as it is").isEqualTo("plain.json");
        assertThat(jp.mamori.audit.AuditDetail.quote("")).isEqualTo("\"\"");
        assertThat(AuditWords.detail("file=\"never closed src=x", false)).as("an unclosed quote runs to the end")
                .isEqualTo("ファイル: never closed src=x");
        assertThat(AuditWords.detail("file=old name.json format=spdx", false)).as("entries written before quoting read as before")
                .isEqualTo("ファイル: old name.json、形式: spdx");
    }
}
