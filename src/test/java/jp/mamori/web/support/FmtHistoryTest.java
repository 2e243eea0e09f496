package jp.mamori.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** A finding's history line reads in one language; the reason someone typed stays whole, whatever it holds. */
class FmtHistoryTest {
    private final Fmt fmt = new Fmt(Clock.systemUTC());
    private static final String DECISION = "回避策を適用 / apply a mitigation: 全セッションを切断 / see ticket 42 [2026-12-19] 承認 / approved by tanaka";

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aDecisionKeepsItsReasonAndShowsTheActionInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(fmt.historyDetail(DECISION)).isEqualTo("回避策を適用: 全セッションを切断 / see ticket 42 [2026-12-19] 承認: tanaka");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.historyDetail(DECISION)).isEqualTo("apply a mitigation: 全セッションを切断 / see ticket 42 [2026-12-19] approved by tanaka");
    }

    @Test
    void otherBilingualLinesArePickedAndPlainOnesShownWhole() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(fmt.historyDetail("回避策の項目がすべて完了しました（パッチは引き続き必要） / every mitigation item is done (the patch is still owed)"))
                .isEqualTo("回避策の項目がすべて完了しました（パッチは引き続き必要）");
        assertThat(fmt.historyDetail("cpe/nvd cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:* >=13.1 <13.1-49.15"))
                .isEqualTo("cpe/nvd cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:* >=13.1 <13.1-49.15");
        assertThat(fmt.historyDetail(null)).isNull();
        assertThat(fmt.isJapanese("Apply updates per vendor instructions.")).isFalse();
        assertThat(fmt.isJapanese("ベンダーの指示に従って")).isTrue();
    }
}
