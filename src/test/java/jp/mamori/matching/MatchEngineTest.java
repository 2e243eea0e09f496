package jp.mamori.matching;

import jp.mamori.advisory.AdvisoryLookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.Source;
import org.junit.jupiter.api.Test;

/** Purl first, CPE for devices, JVN names only as candidates; one result per vulnerability with evidence. */
class MatchEngineTest {

    private static Advisory log4jOsv() {
        return Advisory.builder("CVE-2021-44228", Source.OSV, "GHSA-jfh8-c2jp-5v3q")
                .alias("GHSA-jfh8-c2jp-5v3q")
                .affected(new AffectedPackage("Maven", "org.apache.logging.log4j:log4j-core", null, List.of(
                        new PackageRange("ECOSYSTEM", List.of(new RangeEvent("introduced", "2.0-beta9"), new RangeEvent("fixed", "2.15.0")))), List.of()))
                .build();
    }

    private static Advisory citrixNvd() {
        CpeMatch gateway = new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", "13.1", null, null, "13.1-49.15");
        CpeMatch fips = new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_application_delivery_controller:*:*:*:*:fips:*:*:*", "13.1", null, null, "13.1-37.164");
        return Advisory.builder("CVE-2023-4966", Source.NVD, "CVE-2023-4966")
                .configuration(new CpeConfiguration("OR", false, List.of(new CpeNode("OR", false, List.of(gateway, fips)))))
                .build();
    }

    private static Advisory citrixJvn() {
        return Advisory.builder("CVE-2023-4966", Source.JVN, "JVNDB-2023-000000")
                .cpeName("cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*").build();
    }

    private static Advisory withdrawn() {
        return Advisory.builder("CVE-2099-0001", Source.NVD, "CVE-2099-0001").withdrawn(true)
                .configuration(new CpeConfiguration("OR", false, List.of(new CpeNode("OR", false, List.of(
                        new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", null, null, null, null))))))
                .build();
    }

    private static final AdvisoryLookup LOOKUP = new AdvisoryLookup() {
        final Map<String, List<Advisory>> pkg = Map.of("Maven|org.apache.logging.log4j:log4j-core", List.of(log4jOsv()));
        final Map<String, List<Advisory>> cpe = Map.of(
                "a:citrix:netscaler_gateway", List.of(citrixNvd(), citrixJvn(), withdrawn()),
                "a:citrix:netscaler_application_delivery_controller", List.of(citrixNvd()));

        @Override
        public List<Advisory> byPackage(String ecosystem, String name) {
            return pkg.getOrDefault(ecosystem + "|" + name, List.of());
        }

        @Override
        public List<Advisory> byCpeKey(String cpeKey) {
            return cpe.getOrDefault(cpeKey, List.of());
        }
    };

    private final MatchEngine engine = new MatchEngine(LOOKUP);

    /** Callers skip reading a platform when the engine would not consult it: only a target matched by CPE does. */
    @Test
    void onlyATargetWithoutAPurlThatNamesAVersionIsMatchedByCpe() {
        String cpe = "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*";
        assertThat(MatchEngine.matchesByCpe("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", cpe)).as("purl with a version").isFalse();
        assertThat(MatchEngine.matchesByCpe("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null)).isFalse();
        assertThat(MatchEngine.matchesByCpe("pkg:maven/org.apache.logging.log4j/log4j-core", cpe)).as("purl without a version").isTrue();
        assertThat(MatchEngine.matchesByCpe(null, cpe)).as("no purl").isTrue();
        assertThat(MatchEngine.matchesByCpe("not a purl", cpe)).as("unreadable purl").isTrue();
        assertThat(MatchEngine.matchesByCpe(null, " ")).as("blank CPE").isFalse();
        assertThat(MatchEngine.matchesByCpe(null, null)).isFalse();
    }

    @Test
    void aMatchOnASuggestedIdentifierIsAMediumCandidateWithTheSameEvidence() {
        Platform none = Platform.NONE;
        Match declared = engine.match(new MatchTarget("row-2", "log4j-core", "2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null, none, false)).get(0);
        List<Match> suggested = engine.match(new MatchTarget("row-2", "log4j-core", "2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null, none, true));
        assertThat(declared.isCandidate()).isFalse();
        assertThat(declared.suggestedIdentifier()).isFalse();
        assertThat(suggested).singleElement().satisfies(x -> {
            assertThat(x.suggestedIdentifier()).isTrue();
            assertThat(x.isCandidate()).as("until a person confirms the identifier").isTrue();
            assertThat(x.confidence()).as("HIGH is capped").isEqualTo(Confidence.MEDIUM);
            assertThat(x.criterion()).isEqualTo(declared.criterion());
            assertThat(x.fixedIn()).isEqualTo(declared.fixedIn());
        });
        // by CPE the same: NVD's compared range is capped at MEDIUM, nothing is raised
        List<Match> byCpe = engine.match(new MatchTarget("fw", "NetScaler", "13.1-49.13", null,
                "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*", none, true));
        assertThat(byCpe).isNotEmpty().allSatisfy(x -> {
            assertThat(x.isCandidate()).isTrue();
            assertThat(x.confidence()).isNotEqualTo(Confidence.HIGH);
        });
    }

    @Test
    void aPurlInsideTheRangeMatchesWithItsEvidence() {
        List<Match> m = engine.match(new MatchTarget("c1", "log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null));
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.vulnId()).isEqualTo("CVE-2021-44228");
            assertThat(x.by()).isEqualTo(MatchedBy.PURL);
            assertThat(x.source()).isEqualTo(Source.OSV);
            assertThat(x.criterion()).isEqualTo(">=2.0-beta9 <2.15.0");
            assertThat(x.scheme().id()).isEqualTo("maven");
            assertThat(x.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(x.fixedIn()).containsExactly("2.15.0");
        });
    }

    @Test
    void theFixedVersionDoesNotMatch() {
        assertThat(engine.match(new MatchTarget("c1", "log4j-core", "2.15.0", "pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0", null))).isEmpty();
    }

    @Test
    void aDeviceMatchesByCpeAndJvnOnlyAddsEvidenceNotASecondFinding() {
        List<Match> m = engine.match(new MatchTarget("gw", "NetScaler Gateway", "13.1-49.13", null,
                "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*"));
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.by()).isEqualTo(MatchedBy.CPE);
            assertThat(x.source()).isEqualTo(Source.NVD);
            assertThat(x.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(x.criterion()).contains("<13.1-49.15");
            assertThat(x.fixedIn()).containsExactly("13.1-49.15");
            assertThat(x.alsoBy()).anyMatch(s -> s.startsWith("jvn:"));
        });
    }

    @Test
    void aPatchedDeviceHasOnlyTheVersionlessJvnCandidate() {
        List<Match> m = engine.match(new MatchTarget("gw", "NetScaler Gateway", "13.1-49.15", null,
                "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.15:*:*:*:*:*:*:*"));
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.source()).isEqualTo(Source.JVN);
            assertThat(x.confidence()).isEqualTo(Confidence.LOW);
            assertThat(x.isCandidate()).isTrue();
        });
    }

    @Test
    void aFipsCriterionDoesNotMatchAnOrdinaryAdc() {
        List<Match> m = engine.match(new MatchTarget("adc", "NetScaler ADC", "13.1-37.100", null,
                "cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1-37.100:*:*:*:-:*:*:*"));
        assertThat(m).isEmpty();
    }

    @Test
    void aFipsDeviceMatchesTheFipsCriterion() {
        List<Match> m = engine.match(new MatchTarget("adc", "NetScaler ADC FIPS", "13.1-37.100", null,
                "cpe:2.3:a:citrix:netscaler_application_delivery_controller:13.1-37.100:*:*:*:fips:*:*:*"));
        assertThat(m).singleElement().satisfies(x -> assertThat(x.criterion()).contains("fips"));
    }

    @Test
    void aPurlIsPreferredOverACpeOnTheSameComponent() {
        List<Match> m = engine.match(new MatchTarget("c1", "log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*"));
        assertThat(m).extracting(Match::by).containsOnly(MatchedBy.PURL);
    }
}
