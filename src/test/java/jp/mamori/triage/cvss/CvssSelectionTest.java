package jp.mamori.triage.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.mamori.advisory.CvssScore;
import org.junit.jupiter.api.Test;

class CvssSelectionTest {
    // CVE-2023-4966 (Citrix Bleed) as NVD publishes it: NVD's own 7.5 and the CNA's 9.4
    private static final CvssScore NVD_4966 = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "nvd", "Primary");
    private static final CvssScore CITRIX_4966 = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "cna:citrix", "Secondary");

    private final CvssSelection selection = new CvssSelection();

    @Test
    void prefersNvdPrimaryAndShowsTheHigherCnaScore() {
        CvssChoice c = selection.choose(List.of(CITRIX_4966, NVD_4966));
        assertThat(c.chosen()).isEqualTo(NVD_4966);
        assertThat(c.baseScore()).isEqualTo(7.5);
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.metrics().totalTechnicalImpact()).isFalse();
        assertThat(c.reasonJa()).contains("NVD（主評価）", "v3.1", "7.5", "NVD → CNA → JVN iPedia → その他");
        assertThat(c.reasonEn()).contains("NVD (Primary)", "7.5", "NVD → CNA → JVN iPedia → others");
        assertThat(c.higherElsewhere()).isEqualTo(CITRIX_4966);
        assertThat(c.higherScore()).isEqualTo(9.4);
        assertThat(c.higherNoteJa()).contains("CNA（citrix）", "9.4", "緊急", "7.5");
        assertThat(c.higherNoteEn()).contains("CNA (citrix)", "9.4", "Critical", "7.5");
    }

    @Test
    void noNoteWhenOtherSourcesAreNotHigher() {
        CvssScore cna = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H", 9.1, "cna:fortinet", "Secondary");
        CvssScore nvd = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "nvd", "Primary");
        CvssChoice c = selection.choose(List.of(cna, nvd));
        assertThat(c.chosen()).isEqualTo(nvd);
        assertThat(c.higherElsewherePresent()).isFalse();
        assertThat(c.higherNoteJa()).isNull();
    }

    @Test
    void newestVersionWithinASourceAndOlderVersionsOfTheSameSourceAreNoHigherNote() {
        CvssScore v2 = new CvssScore("2.0", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, "nvd", "Primary");
        CvssScore v31 = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "nvd", "Primary");
        CvssChoice c = selection.choose(List.of(v2, v31));
        assertThat(c.chosen()).isEqualTo(v31);
        assertThat(c.higherElsewherePresent()).isFalse();
    }

    @Test
    void cnaWhenNvdHasNotScoredAndItsV4BeforeItsV31() {
        CvssScore v31 = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "cna:paloalto", null);
        CvssScore v40 = new CvssScore("4.0", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "cna:paloalto", null);
        CvssScore jvn = new CvssScore("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "jvn", null);
        CvssChoice c = selection.choose(List.of(jvn, v31, v40));
        assertThat(c.chosen()).isEqualTo(v40);
        assertThat(c.reasonEn()).contains("CVSS v4.0", "CNA (paloalto)");
        // JVN's preferred statement (9.8) is higher than the chosen 9.3; CNA's own v3.1 is the same source
        assertThat(c.higherElsewhere()).isEqualTo(jvn);
    }

    @Test
    void primaryBeforeSecondaryOfTheSameSource() {
        CvssScore secondary = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "nvd", "Secondary");
        CvssChoice c = selection.choose(List.of(secondary, NVD_4966));
        assertThat(c.chosen()).isEqualTo(NVD_4966);
        assertThat(c.higherElsewhere()).as("a Secondary statement counts as another origin").isEqualTo(secondary);
    }

    @Test
    void unlistedSourcesComeLastAndJvnBeforeThem() {
        CvssScore osv = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "osv", null);
        CvssScore jvn = new CvssScore("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N", 5.4, "jvn", null);
        assertThat(selection.choose(List.of(osv, jvn)).chosen()).isEqualTo(jvn);
    }

    @Test
    void sourceAndVersionOrderAreConfigurable() {
        CvssScore jvn = new CvssScore("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "jvn", null);
        CvssSelection jvnFirst = new CvssSelection(List.of("jvn", "nvd", "*"), CvssSelection.DEFAULT_VERSION_ORDER);
        CvssChoice c = jvnFirst.choose(List.of(NVD_4966, CITRIX_4966, jvn));
        assertThat(c.chosen()).isEqualTo(jvn);
        assertThat(c.reasonJa()).contains("JVN iPedia → NVD → その他");

        CvssScore v31 = new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "cna:x", null);
        CvssScore v40 = new CvssScore("4.0", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "cna:x", null);
        CvssSelection v31First = new CvssSelection(CvssSelection.DEFAULT_SOURCE_ORDER, List.of("3.1", "4.0"));
        assertThat(v31First.choose(List.of(v40, v31)).chosen()).isEqualTo(v31);
    }

    @Test
    void scoreComesFromTheVectorSoV4ThreatMetricsCount() {
        CvssScore attacked = new CvssScore("4.0",
                "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U", 7.3, "cna:x", null);
        CvssChoice c = selection.choose(List.of(attacked));
        assertThat(c.baseScore()).as("CVSS-BT, not the published CVSS-B").isEqualTo(4.1);
        assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void publishedScoreWhenTheVectorIsUnusableAndSkipWhenNothingIsUsable() {
        CvssScore noVector = new CvssScore("3.0", null, 8.8, "jvn", null);
        CvssScore broken = new CvssScore("3.1", "CVSS:3.1/AV:N", null, "nvd", "Primary");
        CvssChoice c = selection.choose(List.of(broken, noVector));
        assertThat(c.chosen()).isEqualTo(noVector);
        assertThat(c.baseScore()).isEqualTo(8.8);
        assertThat(c.metrics()).isNull();

        assertThat(selection.choose(List.of(broken)).present()).isFalse();
        assertThat(selection.choose(List.of()).present()).isFalse();
        assertThat(selection.choose(null).reasonEn()).contains("No usable CVSS score");
    }
}
