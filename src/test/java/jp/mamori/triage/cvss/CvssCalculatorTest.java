package jp.mamori.triage.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CvssCalculatorTest {
    private final CvssCalculator calculator = new CvssCalculator();

    @ParameterizedTest(name = "{0} = {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # vector                                                                       | version | score | severity | ja
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                                   | 3.1 | 9.8  | Critical | 緊急
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N                                   | 3.1 | 7.5  | High     | 重要
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L                                   | 3.1 | 9.4  | Critical | 緊急
            CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N                                   | 3.1 | 6.1  | Medium   | 警告
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N                                   | 3.1 | 0.0  | None     | なし
            CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H                                   | 3.0 | 9.0  | Critical | 緊急
            CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N                                   | 3.0 | 3.1  | Low      | 注意
            CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X                          | 3.0 | 3.8  | Low      | 注意
            AV:N/AC:L/Au:N/C:C/I:C/A:C                                                     | 2.0 | 10.0 | High     | 重要
            (AV:N/AC:L/Au:N/C:C/I:C/A:C)                                                   | 2.0 | 10.0 | High     | 重要
            AV:N/AC:M/Au:N/C:P/I:P/A:P                                                     | 2.0 | 6.8  | Medium   | 警告
            AV:L/AC:H/Au:M/C:N/I:N/A:C                                                     | 2.0 | 3.7  | Low      | 注意
            AV:L/AC:H/Au:M/C:N/I:N/A:N                                                     | 2.0 | 0.0  | Low      | 注意
            AV:A/AC:M/Au:N/C:C/I:N/A:P/E:POC/RL:W/RC:UC                                    | 2.0 | 6.4  | Medium   | 警告
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N                | 4.0 | 9.3  | Critical | 緊急
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N                | 4.0 | 6.9  | Medium   | 警告
            CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L                | 4.0 | 5.7  | Medium   | 警告
            CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H                | 4.0 | 5.0  | Medium   | 警告
            CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H                | 4.0 | 7.3  | High     | 重要
            CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P            | 4.0 | 5.9  | Medium   | 警告
            CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U            | 4.0 | 4.1  | Medium   | 警告
            CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:L/AR:L | 4.0 | 7.1  | High     | 重要
            CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:N/AU:N/R:A/V:D/RE:L/U:Red | 4.0 | 7.3 | High | 重要
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A            | 4.0 | 0.0  | None     | なし
            """)
    void scoresPublishedExamples(String vector, String version, double score, String severity, String severityJa) {
        CvssResult r = calculator.score(vector);
        assertThat(r.error()).isNull();
        assertThat(r.ok()).isTrue();
        assertThat(r.version()).isEqualTo(version);
        assertThat(r.baseScore()).isEqualTo(score);
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.severityJa()).isEqualTo(severityJa);
    }

    @Test
    void v4ScoreIsBteWhenThreatAndEnvironmentalMetricsArePresent() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N";
        // FIRST's calculator example: the attacked (E:A), adjacent-only (MAV:A) variant is CVSS-BTE 8.7
        assertThat(calculator.score(base).baseScore()).isEqualTo(9.3);
        assertThat(calculator.score(base + "/E:A/MAV:A").baseScore()).isEqualTo(8.7);
        assertThat(calculator.score(base + "/E:U").baseScore()).isLessThan(9.3);
    }

    @Test
    void keepsTheVectorAsGivenApartFromSurroundingBlanks() {
        assertThat(calculator.score("  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H \n").vector())
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            garbage                                                             | not a CVSS vector
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H                            | missing base metric(s) A
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:H                    | metric A appears more than once
            CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                        | invalid value 'X' for metric AV
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/Au:N                   | unknown metric 'Au'
            CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C                                 | unsupported CVSS version prefix 'CVSS:2.0'
            cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                        | not a CVSS vector
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/    | is not METRIC:VALUE
            CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                        | invalid value 'U' for metric S
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N          | missing base metric(s) SA
            AV:N/AC:L/Au:N/C:C/I:C                                              | missing base metric(s) A
            AV:N/AC:L/Au:N/C:C/I:C/A:C/E:X                                      | invalid value 'X' for metric E
            AV:N/AC:L//Au:N/C:C/I:C/A:C                                         | component 3 '' is not METRIC:VALUE
            """)
    void reportsInvalidVectorsWithoutThrowing(String vector, String message) {
        CvssResult r = calculator.score(vector);
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains(message);
        assertThat(r.baseScore()).isNull();
        assertThat(r.severity()).isNull();
        assertThat(r.vector()).isEqualTo(vector.trim());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankInputIsAnErrorNotAnException(String vector) {
        CvssResult r = calculator.score(vector);
        assertThat(r.error()).isEqualTo("empty vector");
        assertThat(r.version()).isNull();
    }

    @Test
    void invalidVectorKeepsTheVersionItClaimed() {
        assertThat(calculator.score("CVSS:3.1/AV:N").version()).isEqualTo("3.1");
        assertThat(calculator.score("CVSS:4.0/AV:N").version()).isEqualTo("4.0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # vector                                                        | network | lowAC | noPR  | noUI  | C high | I high | automatable | total
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                    | true  | true  | true  | true  | true  | true  | true  | true
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N                    | true  | true  | true  | true  | true  | false | true  | false
            CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H                    | true  | true  | false | true  | true  | true  | false | true
            CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H                    | true  | true  | true  | false | true  | true  | false | true
            CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H                    | false | true  | true  | true  | true  | true  | false | true
            CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H                    | true  | false | true  | true  | true  | true  | false | true
            AV:N/AC:L/Au:N/C:C/I:C/A:C                                      | true  | true  | true  | true  | true  | true  | true  | true
            AV:N/AC:L/Au:N/C:P/I:P/A:P                                      | true  | true  | true  | true  | false | false | true  | false
            AV:N/AC:L/Au:S/C:C/I:C/A:C                                      | true  | true  | false | true  | true  | true  | false | true
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | true  | true  | true  | true  | true  | true  | true  | true
            CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | true  | false | true  | true  | true  | true  | false | true
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:H/SC:H/SI:H/SA:N | true  | true  | true  | false | true  | false | false | false
            """)
    void readsTheFactsSsvcNeeds(String vector, boolean network, boolean lowAc, boolean noPr, boolean noUi,
                                boolean cHigh, boolean iHigh, boolean automatable, boolean total) {
        CvssMetrics m = calculator.metrics(vector).orElseThrow();
        assertThat(m.networkAttack()).isEqualTo(network);
        assertThat(m.lowComplexity()).isEqualTo(lowAc);
        assertThat(m.noPrivileges()).isEqualTo(noPr);
        assertThat(m.noUserInteraction()).isEqualTo(noUi);
        assertThat(m.highConfidentiality()).isEqualTo(cHigh);
        assertThat(m.highIntegrity()).isEqualTo(iHigh);
        assertThat(m.automatable()).isEqualTo(automatable);
        assertThat(m.totalTechnicalImpact()).isEqualTo(total);
        assertThat(m.userInteractionUnknown()).isEqualTo(!vector.startsWith("CVSS:"));
    }

    @Test
    void metricsOfAnInvalidVectorAreEmpty() {
        assertThat(calculator.metrics("CVSS:3.1/AV:N")).isEmpty();
        assertThat(calculator.metrics(null)).isEmpty();
    }
}
