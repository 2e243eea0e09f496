package jp.mamori.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SSVC evidence as InputDerivation writes it, read in Japanese; vectors, dates and typed reasons stay as they are. */
class EvidenceWordsTest {

    @Test
    void valuesKeepTheirKeyBeside() {
        assertThat(EvidenceWords.value("exposure", "open")).isEqualTo("インターネットに公開（open）");
        assertThat(EvidenceWords.value("exploitation", "active")).isEqualTo("悪用確認（active）");
        assertThat(EvidenceWords.value("technicalImpact", "total")).isEqualTo("全面的（total）");
        assertThat(EvidenceWords.value("mission", "high")).isEqualTo("高（high）");
        assertThat(EvidenceWords.confidence("high")).isEqualTo("高");
        assertThat(EvidenceWords.ransomware("Known")).isEqualTo("既知（ランサムウェア攻撃での悪用あり）");
        assertThat(EvidenceWords.ransomware("Unknown")).isEqualTo("不明");
    }

    @Test
    void theFixedPhrasesReadInJapanese() {
        assertThat(EvidenceWords.evidence("exposure open")).isEqualTo("露出度 インターネットに公開");
        assertThat(EvidenceWords.evidence("exposure controlled")).isEqualTo("露出度 限定的に公開");
        assertThat(EvidenceWords.evidence("importance high")).isEqualTo("重要度 高");
        assertThat(EvidenceWords.evidence("exposure sideways")).as("a value it does not know stays as written").isEqualTo("露出度 sideways");
        assertThat(EvidenceWords.evidence("CISA KEV dateAdded 2023-10-18, dueDate 2023-11-08, knownRansomwareCampaignUse Known; "
                + "EPSS 0.96486 (percentile 0.99623, 2024-03-25) >= threshold 0.1"))
                .isEqualTo("CISA KEV 掲載日 2023-10-18、期限 2023-11-08、ランサムウェアでの悪用 既知。"
                        + "EPSS 0.96486（パーセンタイル 0.99623、2024-03-25）しきい値 0.1 以上");
        assertThat(EvidenceWords.evidence("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N (network, low complexity, no privileges, no user interaction)"))
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N（ネットワーク経由、攻撃条件の複雑さ 低、権限不要、ユーザー操作不要）");
        assertThat(EvidenceWords.evidence("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N (confidentiality high, integrity not high)"))
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N（機密性への影響 高、完全性への影響 高ではない）");
        assertThat(EvidenceWords.evidence("importance medium (情報システム 住民記録（2/2/2）), raised one step: exposure open"))
                .isEqualTo("重要度 medium（情報システム 住民記録（2/2/2））、インターネットに公開のため一段引き上げ");
        assertThat(EvidenceWords.evidence("not in KEV, no exploitation statement, no exploit reference, no EPSS score"))
                .isEqualTo("KEV掲載なし、悪用の表明なし、攻撃コードの参照なし、EPSSスコアなし");
        assertThat(EvidenceWords.evidence("no usable CVSS vector; worst case assumed")).isEqualTo("使えるCVSSベクトルがない。最悪の場合を仮定");
        assertThat(EvidenceWords.evidence("ベンダーが悪用を確認 (derived: poc)")).isEqualTo("ベンダーが悪用を確認（導出値: poc）");
        assertThat(EvidenceWords.source("kev+epss")).isEqualTo("CISA KEV＋EPSS");
        assertThat(EvidenceWords.source("cvss:nvd v3.1")).isEqualTo("CVSS（nvd v3.1）");
        assertThat(EvidenceWords.source("override:tanaka")).isEqualTo("担当者による上書き（tanaka）");
        assertThat(EvidenceWords.evidence("something new (later)")).as("unknown text stays").isEqualTo("something new (later)");
    }
}
