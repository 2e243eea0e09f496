package jp.mamori.triage.ssvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsvcValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            track      | TRACK      | Track  | 通常の管理
            track-star | TRACK_STAR | Track* | 注視
            attend     | ATTEND     | Attend | 優先して対応
            act        | ACT        | Act    | 直ちに対応
            """)
    void outcomeKeysDisplayNamesAndJapaneseLabels(String key, Outcome outcome, String display, String ja) {
        assertThat(outcome.key()).isEqualTo(key);
        assertThat(outcome.display()).isEqualTo(display);
        assertThat(outcome.labelJa()).isEqualTo(ja);
        assertThat(Outcome.fromKey(key)).isEqualTo(outcome);
        assertThat(Outcome.fromKey(display)).isEqualTo(outcome);
    }

    @ParameterizedTest
    @CsvSource({"poc, POC", "public poc, POC", "Public-PoC, POC", "ACTIVE, ACTIVE", "none, NONE"})
    void exploitationAcceptsSsvcSpelling(String key, Exploitation expected) {
        assertThat(Exploitation.fromKey(key)).isEqualTo(expected);
    }

    @Test
    void humanImpactAcceptsBlankOrDash() {
        assertThat(HumanImpact.fromKey("very high")).isEqualTo(HumanImpact.VERY_HIGH);
        assertThat(HumanImpact.fromKey("very-high")).isEqualTo(HumanImpact.VERY_HIGH);
        assertThat(HumanImpact.of(Mission.HIGH)).isEqualTo(HumanImpact.HIGH);
    }

    @Test
    void unknownKeyNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> Exposure.fromKey("internet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("small, controlled, open");
        assertThatThrownBy(() -> Mission.fromKey(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"LOW, MEDIUM", "MEDIUM, HIGH", "HIGH, HIGH"})
    void missionRaisesOneStepAndStopsAtHigh(Mission from, Mission to) {
        assertThat(from.oneStepUp()).isEqualTo(to);
    }
}
