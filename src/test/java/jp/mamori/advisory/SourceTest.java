package jp.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The source registry: every order the product compares sources by comes from {@link Source}. */
class SourceTest {

    @Test
    void bundlesImportNvdFirstAndTheAnnotatingFeedsLast() {
        assertThat(Source.inImportOrder()).containsExactly(Source.NVD, Source.CVE5, Source.JVN, Source.OSV, Source.CSAF,
                Source.OPENVEX, Source.CYCLONEDX_VEX, Source.KEV, Source.EPSS);
    }

    @Test
    void theCuratedRecordWinsForSingleValuedFacts() {
        List<Source> byFact = Arrays.stream(Source.values())
                .sorted(java.util.Comparator.comparingInt(Source::factPrecedence)).limit(5).toList();
        assertThat(byFact).containsExactly(Source.NVD, Source.CVE5, Source.CSAF, Source.OSV, Source.JVN);
    }

    @Test
    void packageExactRangesAreShownBeforeConfigurations() {
        assertThat(Source.OSV.matchPrecedence()).isLessThan(Source.NVD.matchPrecedence());
        assertThat(Source.NVD.matchPrecedence()).isLessThan(Source.CSAF.matchPrecedence());
        assertThat(Source.CSAF.matchPrecedence()).isLessThan(Source.CVE5.matchPrecedence());
    }

    @Test
    void syncFetchesTheSmallDecisionRelevantFeedsFirst() {
        assertThat(Source.onlineSources()).containsExactly(Source.KEV, Source.EPSS, Source.NVD, Source.JVN, Source.OSV);
        assertThat(Source.CSAF.online()).isFalse();
    }

    @Test
    void keysAreUniqueAndLookedUpWithoutRegardToCase() {
        assertThat(Arrays.stream(Source.values()).map(Source::key).distinct().count()).isEqualTo(Source.values().length);
        assertThat(Source.byKey("NVD")).isEqualTo(Source.NVD);
        assertThat(Source.byKey("cna:citrix")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void everySourceHasAParserAndNames(Source source) {
        assertThat(FeedParsers.forSource(source)).isNotNull();
        assertThat(source.nameJa()).isNotBlank();
        assertThat(source.nameEn()).isNotBlank();
        assertThat(Arrays.stream(FeedFormat.values()).anyMatch(f -> f.source() == source))
                .as("a file format is detected as %s", source).isTrue();
    }
}
