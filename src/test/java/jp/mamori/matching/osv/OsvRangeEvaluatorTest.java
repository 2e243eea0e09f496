package jp.mamori.matching.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsvRangeEvaluatorTest {

    /** CVE-2021-44228 as OSV/GHSA published log4j-core: three ECOSYSTEM ranges. */
    private static final AffectedPackage LOG4J = pkg("Maven", "org.apache.logging.log4j:log4j-core",
            List.of(range("ECOSYSTEM", "introduced", "2.0-beta9", "fixed", "2.15.0"),
                    range("ECOSYSTEM", "introduced", "2.13.0", "fixed", "2.15.0"),
                    range("ECOSYSTEM", "introduced", "0", "fixed", "2.3.1"),
                    range("ECOSYSTEM", "introduced", "2.4", "fixed", "2.12.2")),
            List.of());

    @ParameterizedTest(name = "log4j-core {0}: affected={1} by {2}")
    @CsvSource({
            "2.14.1, true, '>=2.0-beta9 <2.15.0', 2.15.0",
            "2.0-beta9, true, '>=2.0-beta9 <2.15.0', 2.15.0",
            "2.0, true, '>=2.0-beta9 <2.15.0', 2.15.0",
            "2.15.0-rc1, true, '>=2.0-beta9 <2.15.0', 2.15.0",
            "2.0-beta8, true, '<2.3.1', 2.3.1",
            "1.2.17, true, '<2.3.1', 2.3.1",
            "2.15.0, false, , ",
            "2.16.0, false, , ",
            "2.17.1, false, , ",
    })
    void log4jRanges(String version, boolean affected, String criterion, String fixedIn) {
        RangeMatch m = OsvRangeEvaluator.evaluate(LOG4J, version);
        assertThat(m.affected()).isEqualTo(affected);
        assertThat(m.scheme().id()).isEqualTo("maven");
        assertThat(m.criterion()).isEqualTo(criterion);
        assertThat(m.fixedIn()).isEqualTo(fixedIn == null ? List.of() : List.of(fixedIn));
        assertThat(OsvRangeEvaluator.match(LOG4J, version)).isEqualTo(affected ? java.util.Optional.of(m) : java.util.Optional.empty());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "1.0.0, true, '>=1.0.0 <1.0.2'",
            "1.0.1, true, '>=1.0.0 <1.0.2'",
            "1.0.2, false, ",
            "2.9.9, false, ",
            "3.0.0, true, '>=3.0.0 <3.2.5'",
            "3.2.4, true, '>=3.0.0 <3.2.5'",
            "3.2.5, false, ",
            "0.9.0, false, ",
    })
    void severalIntroducedFixedPairsInOneRange(String version, boolean affected, String criterion) {
        // Deliberately unsorted: the evaluator sorts events by version before walking them.
        AffectedPackage p = pkg("npm", "example", List.of(range("SEMVER",
                "introduced", "3.0.0", "fixed", "1.0.2", "introduced", "1.0.0", "fixed", "3.2.5")), List.of());
        RangeMatch m = OsvRangeEvaluator.evaluate(p, version);
        assertThat(m.affected()).isEqualTo(affected);
        assertThat(m.criterion()).isEqualTo(criterion);
        assertThat(m.scheme().id()).isEqualTo("semver");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"1.4.2, true", "1.4.1, true", "1.0.0, true", "1.4.3, false", "2.0.0, false", "0.9.9, false"})
    void lastAffectedIsInclusive(String version, boolean affected) {
        AffectedPackage p = pkg("PyPI", "example", List.of(range("ECOSYSTEM", "introduced", "1.0", "last_affected", "1.4.2")), List.of());
        RangeMatch m = OsvRangeEvaluator.evaluate(p, version);
        assertThat(m.affected()).isEqualTo(affected);
        if (affected) {
            assertThat(m.criterion()).isEqualTo(">=1.0 <=1.4.2");
            assertThat(m.fixedIn()).as("last_affected names no fix").isEmpty();
            assertThat(m.scheme().id()).isEqualTo("pep440");
        }
    }

    @Test
    void introducedZeroWithoutFixAffectsEveryVersion() {
        AffectedPackage p = pkg("Go", "example.com/mod", List.of(range("SEMVER", "introduced", "0")), List.of());
        RangeMatch m = OsvRangeEvaluator.evaluate(p, "v0.0.0-20210101000000-abcdef123456");
        assertThat(m.affected()).isTrue();
        assertThat(m.criterion()).isEqualTo(">=0");
        assertThat(m.scheme().id()).isEqualTo("go");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"1.5.0, true", "1.9.9, true", "2.0.0, false", "2.5.0, false", "0.5.0, false"})
    void limitBoundsTheRange(String version, boolean affected) {
        AffectedPackage p = pkg("npm", "example", List.of(range("SEMVER", "introduced", "1.0.0", "limit", "2.0.0")), List.of());
        RangeMatch m = OsvRangeEvaluator.evaluate(p, version);
        assertThat(m.affected()).isEqualTo(affected);
        if (affected) assertThat(m.criterion()).isEqualTo(">=1.0.0 <2.0.0");
    }

    @Test
    void starLimitIsInfinity() {
        AffectedPackage p = pkg("npm", "example", List.of(range("SEMVER", "introduced", "1.0.0", "limit", "*")), List.of());
        assertThat(OsvRangeEvaluator.evaluate(p, "99.0.0").affected()).isTrue();
    }

    @Test
    void versionsListIsAnExactMatch() {
        AffectedPackage p = pkg("PyPI", "123bla", List.of(), List.of("0.0.1", "0.0.3"));
        RangeMatch m = OsvRangeEvaluator.evaluate(p, "0.0.1");
        assertThat(m.affected()).isTrue();
        assertThat(m.criterion()).isEqualTo("=0.0.1 (versions list)");
        assertThat(m.scheme().id()).isEqualTo("pep440");
        assertThat(OsvRangeEvaluator.evaluate(p, "0.0.2").affected()).isFalse();
        // PEP 440 normalisation: 0.0.3.0 is 0.0.3
        assertThat(OsvRangeEvaluator.evaluate(p, "0.0.3.0").affected()).isTrue();
    }

    @Test
    void gitRangesAreSkippedWithANoteWhileTheVersionsListStillCounts() {
        AffectedPackage p = pkg("PyPI", "requests",
                List.of(range("GIT", "introduced", "0", "fixed", "74ea7cf7a6a27a4eeb2ae24e162bcc942a6706d5")),
                List.of("2.30.0"));
        RangeMatch listed = OsvRangeEvaluator.evaluate(p, "2.30.0");
        assertThat(listed.affected()).isTrue();
        assertThat(listed.criterion()).isEqualTo("=2.30.0 (versions list)");
        assertThat(listed.note()).contains("GIT range skipped");

        RangeMatch unlisted = OsvRangeEvaluator.evaluate(p, "2.31.0");
        assertThat(unlisted.affected()).isFalse();
        assertThat(unlisted.note()).contains("GIT range skipped");
        assertThat(OsvRangeEvaluator.match(p, "2.31.0")).isEmpty();
    }

    @Test
    void versionsListMatchReportsTheNextFixFromTheRanges() {
        AffectedPackage p = pkg("PyPI", "requests", List.of(range("ECOSYSTEM", "introduced", "2.3.0", "fixed", "2.31.0")),
                List.of("2.2.0"));
        RangeMatch m = OsvRangeEvaluator.evaluate(p, "2.2.0");
        assertThat(m.affected()).isTrue();
        assertThat(m.criterion()).isEqualTo("=2.2.0 (versions list)");
        assertThat(m.fixedIn()).containsExactly("2.31.0");
    }

    @Test
    void versionInvalidInTheSchemeIsNoMatchButANote() {
        RangeMatch m = OsvRangeEvaluator.evaluate(LOG4J, "LATEST");
        assertThat(m.affected()).isFalse();
        assertThat(m.note()).isEqualTo("'LATEST' is not a valid maven version");
        assertThat(m.scheme().id()).isEqualTo("maven");

        AffectedPackage npm = pkg("npm", "lodash", List.of(range("ECOSYSTEM", "introduced", "0", "fixed", "4.17.21")), List.of());
        assertThat(OsvRangeEvaluator.evaluate(npm, "4.17").note()).contains("not a valid semver version");
    }

    @Test
    void rangeWithAnEventTheSchemeCannotReadIsSkippedWithANote() {
        AffectedPackage p = pkg("npm", "example",
                List.of(range("SEMVER", "introduced", "1.0", "fixed", "1.2.0"),
                        range("SEMVER", "introduced", "2.0.0", "fixed", "2.1.0")), List.of());
        RangeMatch m = OsvRangeEvaluator.evaluate(p, "2.0.5");
        assertThat(m.affected()).isTrue();
        assertThat(m.note()).contains("SEMVER range skipped: '1.0' is not a valid semver version");
        assertThat(OsvRangeEvaluator.evaluate(p, "1.1.0").affected()).isFalse();
    }

    @Test
    void unknownRangeTypeAndEmptyEntriesAreNotMatches() {
        AffectedPackage odd = pkg("npm", "x", List.of(range("FANCY", "introduced", "0")), List.of());
        assertThat(OsvRangeEvaluator.evaluate(odd, "1.0.0").affected()).isFalse();
        assertThat(OsvRangeEvaluator.evaluate(odd, "1.0.0").note()).contains("'FANCY' skipped");

        AffectedPackage empty = pkg("npm", "x", List.of(), List.of());
        assertThat(OsvRangeEvaluator.evaluate(empty, "1.0.0").note()).isEqualTo("no ranges and no versions listed");
        assertThat(OsvRangeEvaluator.evaluate(LOG4J, " ").note()).isEqualTo("no version to compare");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "Debian:12, 3.0.11-1~deb12u1, true",
            "Debian:12, 3.0.11-1~deb12u2, false",
            "Debian:12, 1:1.0-1, false",
            "Alpine:v3.16, 10.6.7-r0, true",
            "Alpine:v3.16, 10.6.8-r0, false",
            "Red Hat:rhel_aus:8.6::appstream, 2.13.3-3.el8_6, true",
            "Red Hat:rhel_aus:8.6::appstream, 0:2.13.3-3.el8_6.1, false",
    })
    void distributionRangesUseTheDistributionScheme(String ecosystem, String version, boolean affected) {
        String fixed = switch (ecosystem.substring(0, 3)) {
            case "Deb" -> "3.0.11-1~deb12u2";
            case "Alp" -> "10.6.8-r0";
            default -> "0:2.13.3-3.el8_6.1";
        };
        AffectedPackage p = pkg(ecosystem, "pkg", List.of(range("ECOSYSTEM", "introduced", "0", "fixed", fixed)), List.of());
        assertThat(OsvRangeEvaluator.evaluate(p, version).affected()).isEqualTo(affected);
    }

    static AffectedPackage pkg(String ecosystem, String name, List<PackageRange> ranges, List<String> versions) {
        return new AffectedPackage(ecosystem, name, null, ranges, versions);
    }

    /** range("SEMVER", "introduced", "1.0.0", "fixed", "1.0.2", ...) */
    static PackageRange range(String type, String... kindVersionPairs) {
        List<RangeEvent> events = new ArrayList<>();
        for (int i = 0; i < kindVersionPairs.length; i += 2) {
            events.add(new RangeEvent(kindVersionPairs[i], kindVersionPairs[i + 1]));
        }
        return new PackageRange(type, events);
    }
}
