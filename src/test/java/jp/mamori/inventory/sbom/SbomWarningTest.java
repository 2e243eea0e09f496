package jp.mamori.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A warning line as the readers write it, taken apart for the API: place, Japanese, English. */
class SbomWarningTest {

    @Test
    void aJsonPointerAnXmlPlaceAndNoPlace() {
        assertThat(SbomWarning.parse("/components/1/type: CycloneDX 1.5 スキーマに適合しません / not valid against the CycloneDX 1.5 schema: "
                + "/components/1/type: does not have a value in the enumeration"))
                .isEqualTo(new SbomWarning("/components/1/type", "CycloneDX 1.5 スキーマに適合しません",
                        "not valid against the CycloneDX 1.5 schema: /components/1/type: does not have a value in the enumeration"));
        assertThat(SbomWarning.parse("line 4, column 31: CycloneDX 1.6 スキーマに適合しません / not valid against the CycloneDX 1.6 schema: cvc-enumeration-valid"))
                .isEqualTo(new SbomWarning("line 4, column 31", "CycloneDX 1.6 スキーマに適合しません",
                        "not valid against the CycloneDX 1.6 schema: cvc-enumeration-valid"));
        assertThat(SbomWarning.parse("見出し行のある最初のシート「構成」を読みました / the first sheet with a header row, '構成', was read"))
                .isEqualTo(new SbomWarning(null, "見出し行のある最初のシート「構成」を読みました", "the first sheet with a header row, '構成', was read"));
    }

    @Test
    void aLineInOneLanguageOnlyIsBothAndTextIsTheInverse() {
        assertThat(SbomWarning.parse("the document lists no components"))
                .isEqualTo(new SbomWarning(null, "the document lists no components", "the document lists no components"));
        assertThat(SbomWarning.text("/metadata/component/type", "日本語", "English")).isEqualTo("/metadata/component/type: 日本語 / English");
        assertThat(SbomWarning.text(null, "日本語", "English")).isEqualTo("日本語 / English");
    }
}
