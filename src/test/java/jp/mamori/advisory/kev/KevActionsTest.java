package jp.mamori.advisory.kev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/** KEV required actions in Japanese, the original kept beside; an action with an unknown sentence is not half-translated. */
class KevActionsTest {

    @Test
    void theRecurringPhrasesAreTranslated() {
        assertThat(KevActions.ja("Apply updates per vendor instructions.")).contains("ベンダーの指示に従って更新を適用してください。");
        assertThat(KevActions.ja("Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable."))
                .contains("ベンダーの指示に従って緩和策を適用してください。緩和策がない場合は製品の使用を中止してください。");
        assertThat(KevActions.ja("The impacted product is end-of-life and should be disconnected if still in use."))
                .contains("対象製品はサポートが終了しています。使用中であればネットワークから切り離してください。");
        assertThat(KevActions.ja("The impacted product is end-of-life (EoL) and/or end-of-service (EoS). Users should discontinue utilization of the product."))
                .contains("対象製品はサポート終了（EoL）またはサービス終了（EoS）です。製品の使用を中止してください。");
    }

    @Test
    void theGatewaysActionKeepsItsLinkAndTheOriginalStandsBeside() {
        String citrix = "Apply mitigations and kill all active and persistent sessions per vendor instructions [https://www.netscaler.com/blog/news/"
                + "cve-2023-4966-critical-security-update-now-available-for-netscaler-adc-and-netscaler-gateway/] OR discontinue use of the"
                + " product if mitigations are unavailable.";
        assertThat(KevActions.withOriginal(citrix)).isEqualTo("ベンダーの指示 [https://www.netscaler.com/blog/news/"
                + "cve-2023-4966-critical-security-update-now-available-for-netscaler-adc-and-netscaler-gateway/] に従って緩和策を適用し、"
                + "有効なセッションと永続セッションをすべて終了させてください。緩和策がない場合は製品の使用を中止してください。（原文: " + citrix + "）");
    }

    @Test
    void anUnknownSentenceLeavesTheWholeActionInTheOriginal() {
        String mixed = "Apply updates per vendor instructions. Then audit all accounts created since March.";
        assertThat(KevActions.ja(mixed)).isEmpty();
        assertThat(KevActions.withOriginal(mixed)).isEqualTo(mixed);
        assertThat(KevActions.ja(null)).isEmpty();
    }

    /** On CISA's catalogue itself: the table covers the recurring phrases, i.e. most entries. */
    @Test
    void theTableCoversMostOfTheRealCatalogue() throws Exception {
        Path kev = SharedFixtures.require("kev/known_exploited_vulnerabilities.json");
        JsonNode vs = new ObjectMapper().readTree(kev.toFile()).path("vulnerabilities");
        int translated = 0;
        for (JsonNode v : vs) if (KevActions.ja(v.path("requiredAction").asText()).isPresent()) translated++;
        assertThat(translated * 100 / vs.size()).as(translated + " of " + vs.size()).isGreaterThanOrEqualTo(95);
    }
}
