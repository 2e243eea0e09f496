package jp.mamori.triage.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cvss4MacroVectorsTest {

    @Test
    void holdsEveryPossibleMacroVectorOnce() {
        // EQ1 0-2, EQ2 0-1, EQ3/EQ6 {00,01,10,11,21}, EQ4 0-2, EQ5 0-2: 3*2*5*3*3 = 270
        int count = 0;
        for (int eq1 = 0; eq1 <= 2; eq1++)
            for (int eq2 = 0; eq2 <= 1; eq2++)
                for (String eq36 : new String[] {"00", "01", "10", "11", "21"})
                    for (int eq4 = 0; eq4 <= 2; eq4++)
                        for (int eq5 = 0; eq5 <= 2; eq5++) {
                            String macro = "" + eq1 + eq2 + eq36.charAt(0) + eq4 + eq5 + eq36.charAt(1);
                            assertThat(Cvss4MacroVectors.score(macro)).as(macro).isNotNull().isBetween(0.0, 10.0);
                            count++;
                        }
        assertThat(Cvss4MacroVectors.size()).isEqualTo(count).isEqualTo(270);
        assertThat(Cvss4MacroVectors.score("002200")).as("EQ3=2 with EQ6=0 cannot occur").isNull();
    }

    @ParameterizedTest
    @CsvSource({"000000, 10", "000001, 9.9", "002201, 6.9", "111200, 6.1", "201221, 0.8", "212221, 0.1"})
    void spotChecksAgainstThePublishedTable(String macro, double score) {
        assertThat(Cvss4MacroVectors.score(macro)).isEqualTo(score);
    }
}
