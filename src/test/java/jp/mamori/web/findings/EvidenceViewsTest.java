package jp.mamori.web.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The finding page's views read from the stored evidence document: what is missing stays missing, Japanese rewords copies. */
class EvidenceViewsTest {

    @Test
    void evidenceWithoutSsvcHidesThePanelAndMissingFactsAreNull() {
        assertThat(SsvcView.of(null)).isNull();
        assertThat(SsvcView.of(Map.of())).isNull();
        assertThat(EvidenceInJapanese.ssvc(null)).isNull();
        assertThat(KevView.of(null).dateAdded()).isNull();
        assertThat(EpssView.of("not an object").score()).isNull();
        assertThat(MatchView.of(Map.of("by", "purl")).runningOn()).isNull();
        assertThat(CvssChoiceView.of(Map.of()).source()).isNull();
    }

    @Test
    void ssvcInputsAreLookedUpByKeyAndOnlyAStoredOverrideCounts() {
        SsvcView v = SsvcView.of(Map.of("rule", "r", "exploitation", "active", "mission", "high", "missionRaisedBecauseOpen", true,
                "evidence", Map.of("exploitation", Map.of("source", "kev", "evidence", "e", "overridden", true),
                        "mission", Map.of("source", "asset"))));
        assertThat(v.value("exploitation")).isEqualTo("active");
        assertThat(v.value("automatable")).isNull();
        assertThat(v.value("humanImpact")).isNull();
        assertThat(v.evidenceOf("exploitation").overridden()).isTrue();
        assertThat(v.evidenceOf("mission").overridden()).isFalse();
        assertThat(v.evidenceOf("exposure")).isNull();
        assertThat(v.missionRaisedBecauseOpen()).isTrue();
    }

    @Test
    void theEpssNumbersKeepTheTypeTheyWereParsedAs() {
        // the page's message formats the score; a Double and a BigDecimal print differently there
        EpssView e = EpssView.of(Map.of("score", 0.97123, "percentile", 0.5, "date", "2026-12-01"));
        assertThat(e.score()).isInstanceOf(Double.class).isEqualTo(0.97123);
        assertThat(e.percentile()).isEqualTo(0.5);
        assertThat(EpssView.of(Map.of("score", "0.9")).score()).as("a string is not a score").isNull();
    }

    @Test
    void japaneseKevKeepsCisasSentenceBesideTheTranslation() {
        KevView stored = KevView.of(Map.of("dateAdded", "2023-10-18", "ransomware", "Known", "requiredAction", " Apply updates per vendor instructions. "));
        KevView ja = EvidenceInJapanese.kev(stored);
        assertThat(ja.requiredAction()).isEqualTo("ベンダーの指示に従って更新を適用してください。");
        assertThat(ja.requiredActionOriginal()).isEqualTo("Apply updates per vendor instructions.");
        assertThat(ja.ransomware()).startsWith("既知");
        assertThat(stored.requiredActionOriginal()).as("the English page shows the stored sentence only").isNull();
        assertThat(stored.ransomware()).isEqualTo("Known");
        KevView untranslated = EvidenceInJapanese.kev(KevView.of(Map.of("requiredAction", "Do something unusual")));
        assertThat(untranslated.requiredAction()).isEqualTo("Do something unusual");
        assertThat(untranslated.requiredActionOriginal()).isNull();
    }

    @Test
    void runningOnIsReadAsTheListStored() {
        assertThat(MatchView.of(Map.of("runningOn", List.of("cpe:2.3:o:a:b:1")))
                .runningOn()).containsExactly("cpe:2.3:o:a:b:1");
    }
}
