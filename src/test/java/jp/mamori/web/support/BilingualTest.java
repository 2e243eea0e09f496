package jp.mamori.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A page shows the reader's half of a "日本語 / English" message. */
class BilingualTest {

    @Test
    void picksTheReadersLanguageAndKeepsThePlace() {
        String m = "t.csv (row 3): コンポーネント名が空です / the component name (コンポーネント名) is empty";
        assertThat(Bilingual.pick(m, Locale.JAPANESE)).isEqualTo("t.csv (row 3): コンポーネント名が空です");
        assertThat(Bilingual.pick(m, Locale.ENGLISH)).isEqualTo("t.csv (row 3): the component name (コンポーネント名) is empty");
        assertThat(Bilingual.pick("「回避策を実施」には期限または見直し日（対応期限・見直し日・受容期限）が必要です / 'mitigate' needs a date: patch-by, review or expiry date",
                Locale.ENGLISH)).isEqualTo("'mitigate' needs a date: patch-by, review or expiry date");
    }

    @Test
    void aSlashInsideTheEnglishPartDoesNotSplitIt() {
        String m = "x.csv: SBOMではありません（見出し行がありません） / not an SBOM: needs コンポーネント名 and one of サプライヤ名 / バージョン / 製品URL (Supplier / Version / URL)";
        assertThat(Bilingual.pick(m, Locale.JAPANESE)).isEqualTo("x.csv: SBOMではありません（見出し行がありません）");
        assertThat(Bilingual.pick(m, Locale.ENGLISH)).isEqualTo("x.csv: not an SBOM: needs コンポーネント名 and one of サプライヤ名 / バージョン / 製品URL (Supplier / Version / URL)");
    }

    @Test
    void otherMessagesAreShownWhole() {
        assertThat(Bilingual.pick("only English here", Locale.JAPANESE)).isEqualTo("only English here");
        assertThat(Bilingual.pick("日本語だけ", Locale.ENGLISH)).isEqualTo("日本語だけ");
        assertThat(Bilingual.pick(null, Locale.ENGLISH)).isNull();
    }
}
