package jp.mamori.triage.explain;

import static jp.mamori.triage.Facts.CLOCK;
import static jp.mamori.triage.Facts.CRITICAL_RCE;
import static jp.mamori.triage.Facts.vuln;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import jp.mamori.advisory.CvssScore;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.Triage;
import jp.mamori.triage.TriageResult;
import jp.mamori.triage.VulnerabilityFacts;
import jp.mamori.triage.policy.TriagePolicy;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;
import jp.mamori.triage.ssvc.SsvcOverride;
import org.junit.jupiter.api.Test;

class ExplanationWriterTest {
    private final Triage triage = new Triage(TriagePolicy.defaults(), CLOCK);
    private final ExplanationWriter writer = new ExplanationWriter();

    private Explanation explain(VulnerabilityFacts f, AssetContext a, SsvcOverride... overrides) {
        return writer.write(triage.triage(f, a, List.of(overrides)));
    }

    @Test
    void kevActOnAnInternetFacingDeviceReadsAsAPlainSentence() {
        // KEV due date earlier than the 3-day policy deadline: the KEV date is shown as the reason
        Explanation e = explain(vuln("CVE-2099-2000").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-11-28", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.HIGH));
        assertThat(e.ja()).startsWith("CISA KEVに2026-11-20から掲載（攻撃が確認済み）。"
                + "インターネットに公開された機器で、認証なしにネットワーク経由で自動化可能、機密性・完全性への影響が大きいため『Act（直ちに対応）』。"
                + "業務への影響度は「高」。期限: 2026-11-28（KEVの期限による）。");
        assertThat(e.ja()).contains("CVSS: 9.8（緊急、NVD v3.1）").doesNotContain("期限を過ぎています");
        assertThat(e.en()).startsWith("Listed in CISA KEV since 2026-11-20 (exploitation confirmed).")
                .contains("exposed to the internet", "without authentication", "Act (act immediately)",
                        "Due: 2026-11-28 (KEV due date).", "CVSS: 9.8 (Critical, NVD v3.1).");
    }

    @Test
    void citrixBleedExplainsRansomwareRaiseOverdueAndTheHigherVendorScore() {
        Explanation e = explain(vuln("CVE-2023-4966")
                        .cvss(new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "cna:citrix", "Secondary"))
                        .cvss(new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "nvd", "Primary"))
                        .kev("2023-10-18", "2023-11-08", "Known").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM));
        assertThat(e.ja()).contains("CISA KEVに2023-10-18から掲載（攻撃が確認済み、ランサムウェア攻撃での悪用も確認）",
                "認証なしにネットワーク経由で自動化可能、影響は一部に限られる。総合判定: 『Act（直ちに対応）』。",
                "業務への影響度は「高」（インターネット公開のため「中」から1段階引き上げ）",
                "期限: 2026-11-29（判定日から3日）。CISA KEV期限 2023-11-08 は検出前に経過（参考）。",
                "CVSS: 7.5（重要、NVD v3.1）", "CNA（citrix）", "9.4（緊急）");
        assertThat(e.en()).contains("Listed in CISA KEV since 2023-10-18", "ransomware",
                "raised from medium because the device is internet-facing", "The CISA KEV due date 2023-11-08 had passed before detection",
                "CVSS: 7.5 (High, NVD v3.1)", "CNA (citrix) rates it higher", "9.4 (Critical)");
    }

    @Test
    void epssAttendSaysWhyInPercent() {
        Explanation e = explain(vuln("CVE-2099-2001").nvd(CRITICAL_RCE).epss(0.35, 0.97).build(),
                AssetContext.of(Exposure.CONTROLLED, Mission.HIGH));
        assertThat(e.ja()).contains("EPSS（30日以内に悪用される可能性の予測）が35%で、基準の10%以上。",
                "内部ネットワークからのみ到達できる機器", "『Attend（優先して対応）』", "期限: 2026-12-10（判定日から14日）。");
        assertThat(e.en()).contains("EPSS (predicted chance of exploitation within 30 days) is 35%, at or above the 10% threshold.",
                "Attend (handle with priority)", "Due: 2026-12-10 (14 days from the decision).");
    }

    @Test
    void trackStarNamesWhatMakesAutomationHard() {
        Explanation e = explain(vuln("CVE-2099-2002").nvd("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:H")
                        .exploitRef("https://example.org/poc").build(),
                AssetContext.of(Exposure.CONTROLLED, Mission.MEDIUM));
        assertThat(e.ja()).contains("攻撃コード（PoC）が公開済み（参考情報1件）。",
                "内部ネットワークからのみ到達できる機器で、攻撃の自動化は難しく（理由: 認証（権限）が必要・利用者の操作が必要）、機密性・完全性への影響が大きいため『Track*（注視）』。",
                "『Track*（注視）』", "期限: 2026-12-26（判定日から30日）");
        assertThat(e.en()).contains("Exploit code is public (1 reference(s)).",
                "the attacker needs to be authenticated, a user has to take an action", "Track* (watch closely)");
    }

    @Test
    void trackSaysNothingIsKnown() {
        Explanation e = explain(vuln("CVE-2099-2003").nvd(CRITICAL_RCE).epss(0.02, 0.80).build(),
                AssetContext.of(Exposure.SMALL, Mission.LOW));
        assertThat(e.ja()).contains("現時点で攻撃や攻撃コードの公開は確認されていない（EPSS 2%）。",
                "隔離された環境の機器", "『Track（通常の管理）』", "業務への影響度は「低」。", "期限: 2027-02-24（判定日から90日）。");
        assertThat(e.en()).contains("No exploitation or public exploit code is known so far (EPSS 2%).",
                "isolated environment", "Track (handle in the normal update cycle)");
    }

    @Test
    void overridesAreNamedWithPersonAndReason() {
        Explanation e = explain(vuln("CVE-2099-2004").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.MEDIUM),
                new SsvcOverride("exposure", "small", "VPNポータルをFWで遮断済み", "鈴木"));
        assertThat(e.ja()).contains("隔離された環境の機器", "業務への影響度は「中」。",
                "判断の変更: 機器の公開範囲を「隔離」に変更（鈴木、理由: VPNポータルをFWで遮断済み）。");
        assertThat(e.en()).contains("Override: exposure set to small by 鈴木 (reason: VPNポータルをFWで遮断済み).");
    }

    @Test
    void missingCvssIsSaidAndTheAssumptionShown() {
        Explanation e = explain(vuln("JVNDB-2099-000003").exploitedPer("JVN").build(), AssetContext.of(Exposure.OPEN, Mission.LOW));
        assertThat(e.ja()).contains("提供元の情報で攻撃が確認済み（JVN）。",
                "攻撃の自動化が可能（CVSSがないため最悪の場合を想定）", "CVSSスコアはありません。");
        assertThat(e.en()).contains("A source reports exploitation in the wild (JVN).", "worst case assumed", "No CVSS score is available.");
    }

    @Test
    void explanationIsBuiltFromTheResultNotStoredText() {
        TriageResult a = triage.triage(vuln("CVE-2099-2005").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.HIGH), List.of());
        TriageResult b = triage.triage(vuln("CVE-2099-2006").nvd(CRITICAL_RCE).kev("2026-11-20", "2026-12-11", "Unknown").build(),
                AssetContext.of(Exposure.OPEN, Mission.HIGH), List.of());
        assertThat(writer.write(a)).isEqualTo(writer.write(b));
        assertThat(a.dueDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(writer.ja(a)).contains("期限: 2026-11-29（判定日から3日）。");
    }
}
