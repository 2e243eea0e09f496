package jp.mamori.matching.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.identifiers.purl.PurlKey;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Components (as purls) against the real OSV records in ../shared/fixtures/osv, through the whole
 * package path: purl -> PurlKey -> entries of the same package -> range evaluation. Skipped,
 * visibly, without the fixtures.
 */
class OsvFixturesInteropTest {

    /** record; component purl; expected criterion (empty: not affected); expected fixedIn ("-": none). */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            // log4j (Log4Shell) as GHSA publishes it today
            "GHSA-jfh8-c2jp-5v3q; pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1; >=2.13.0 <2.15.0; 2.15.0",
            "GHSA-jfh8-c2jp-5v3q; pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0; ; ",
            "GHSA-jfh8-c2jp-5v3q; pkg:maven/org.apache.logging.log4j/log4j-core@2.12.1; >=2.4 <2.12.2; 2.12.2",
            "GHSA-jfh8-c2jp-5v3q; pkg:maven/org.apache.logging.log4j/log4j-core@2.12.2; ; ",
            "GHSA-jfh8-c2jp-5v3q; pkg:maven/org.apache.logging.log4j/log4j-core@2.3; <2.3.1; 2.3.1",
            "GHSA-jfh8-c2jp-5v3q; pkg:maven/org.apache.logging.log4j/log4j-core@2.3.1; ; ",
            "GHSA-jfh8-c2jp-5v3q; pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1; ; ",
            // Spring4Shell: RELEASE qualifiers
            "GHSA-36p3-wjmg-h94x; pkg:maven/org.springframework/spring-beans@5.3.17; >=5.3.0 <5.3.18; 5.3.18",
            "GHSA-36p3-wjmg-h94x; pkg:maven/org.springframework/spring-beans@5.3.18; ; ",
            "GHSA-36p3-wjmg-h94x; pkg:maven/org.springframework/spring-beans@5.2.19.RELEASE; <5.2.20.RELEASE; 5.2.20.RELEASE",
            "GHSA-36p3-wjmg-h94x; pkg:maven/org.springframework/spring-beans@5.2.20.RELEASE; ; ",
            "GHSA-57j2-w4cx-62h2; pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2; >=2.13.0 <2.13.2.1; 2.13.2.1",
            "GHSA-57j2-w4cx-62h2; pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2.1; ; ",
            // npm
            "GHSA-35jh-r3h4-6jhm; pkg:npm/lodash@4.17.20; <4.17.21; 4.17.21",
            "GHSA-35jh-r3h4-6jhm; pkg:npm/lodash@4.17.21; ; ",
            "GHSA-hrpp-h998-j3pp; pkg:npm/qs@6.10.2; >=6.10.0 <6.10.3; 6.10.3",
            "GHSA-hrpp-h998-j3pp; pkg:npm/qs@6.10.3; ; ",
            "GHSA-hrpp-h998-j3pp; pkg:npm/qs@6.2.3; <6.2.4; 6.2.4",
            // PyPI, names normalised on both sides
            "GHSA-j8r2-6x86-q33q; pkg:pypi/Requests@2.30.0; >=2.3.0 <2.31.0; 2.31.0",
            "GHSA-j8r2-6x86-q33q; pkg:pypi/requests@2.31.0; ; ",
            "GHSA-j8r2-6x86-q33q; pkg:pypi/requests@2.2.1; ; ",
            "osvschema-testdata-MAL-2024-10238; pkg:pypi/123bla@0.0.1; =0.0.1 (versions list); -",
            "osvschema-testdata-MAL-2024-10238; pkg:pypi/123bla@0.0.2; ; ",
            // Go: SEMVER ranges, stdlib pre-release lower bounds and pseudo-versions
            "GO-2022-0969; pkg:golang/stdlib@1.18.5; <1.18.6; 1.18.6",
            "GO-2022-0969; pkg:golang/stdlib@1.18.6; ; ",
            "GO-2022-0969; pkg:golang/stdlib@go1.19; >=1.19.0-0 <1.19.1; 1.19.1",
            "GO-2022-0969; pkg:golang/stdlib@1.19.1; ; ",
            "GO-2022-0969; pkg:golang/golang.org/x/net@v0.0.0-20220826154423-83b083e8dc8b; <0.0.0-20220906165146-f3363e06e74c; 0.0.0-20220906165146-f3363e06e74c",
            "GO-2022-0969; pkg:golang/golang.org/x/net@v0.0.0-20220906165146-f3363e06e74c; ; ",
            "GO-2022-0969; pkg:golang/golang.org/x/net@v0.1.0; ; ",
            "GO-2023-2102; pkg:golang/golang.org/x/net@v0.16.0; <0.17.0; 0.17.0",
            "GO-2023-2102; pkg:golang/golang.org/x/net@v0.17.0; ; ",
            "GO-2024-3321; pkg:golang/golang.org/x/crypto@v0.30.0; <0.31.0; 0.31.0",
            "GO-2024-3321; pkg:golang/golang.org/x/crypto@v0.31.0; ; ",
            // Debian: release from the distro qualifier, dpkg ordering
            "osvdev-testdata-DSA-3029-1; pkg:deb/debian/nginx@1.2.1-2.2+wheezy2?distro=wheezy; <1.2.1-2.2+wheezy3; 1.2.1-2.2+wheezy3",
            "osvdev-testdata-DSA-3029-1; pkg:deb/debian/nginx@1.2.1-2.2+wheezy3?distro=debian-7; ; ",
            "osvdev-testdata-DSA-3029-1; pkg:deb/debian/nginx@1.2.1-2.2?distro=debian-8; ; ",
            // Ubuntu: introduced 0 without a fix
            "osvdev-testdata-UBUNTU-CVE-2025-38094; pkg:deb/ubuntu/linux@3.13.0-206.257?distro=esm-infra-legacy/trusty; >=0; -",
            // Alpine: apk ordering per release branch
            "osvdev-testdata-CVE-2022-27449; pkg:apk/alpine/mariadb@10.6.7-r0?distro=alpine-3.16; <10.6.8-r0; 10.6.8-r0",
            "osvdev-testdata-CVE-2022-27449; pkg:apk/alpine/mariadb@10.6.8-r0?distro=alpine-3.16; ; ",
            "osvdev-testdata-CVE-2022-27449; pkg:apk/alpine/mariadb@10.4.24-r0?distro=3.12.1; <10.4.25-r0; 10.4.25-r0",
            "osvschema-testdata-CVE-2018-5407; pkg:apk/alpine/openssl@1.0.2p-r0?distro=alpine-3.8; <1.0.2q-r0; 1.0.2q-r0",
            "osvschema-testdata-CVE-2018-5407; pkg:apk/alpine/openssl@1.0.2q-r0?distro=alpine-3.8; ; ",
            // Red Hat: epoch from the purl qualifier, rpm ordering
            "osvschema-testdata-RHSA-2024_4546; pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6?arch=x86_64&epoch=0; <0:2.13.3-3.el8_6.1; 0:2.13.3-3.el8_6.1",
            "osvschema-testdata-RHSA-2024_4546; pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=x86_64&epoch=0; ; ",
            "osvschema-testdata-RHSA-2024_4546; pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1; ; ",
    })
    void componentAgainstRecord(String record, String purl, String criterion, String fixedIn) throws IOException {
        List<AffectedPackage> affected = OsvRecordJson.affected(SharedFixtures.require("osv/" + record + ".json"));
        PurlKey component = PurlKey.fromPurl(purl).orElseThrow();
        Optional<RangeMatch> match = firstMatch(affected, component);
        if (criterion == null) {
            assertThat(match).as("%s must not affect %s", record, purl).isEmpty();
            return;
        }
        assertThat(match).as("%s must affect %s", record, purl).isPresent();
        assertThat(match.get().criterion()).isEqualTo(criterion);
        assertThat(match.get().fixedIn()).isEqualTo("-".equals(fixedIn) ? List.of() : List.of(fixedIn));
    }

    @Test
    void pysecRecordSkipsItsGitRangeButStillMatchesByEcosystemRange() throws IOException {
        List<AffectedPackage> affected = OsvRecordJson.affected(SharedFixtures.require("osv/osvschema-testdata-PYSEC-2023-74.json"));
        AffectedPackage requests = affected.get(0);
        RangeMatch m = OsvRangeEvaluator.evaluate(requests, "2.30.0");
        assertThat(m.affected()).isTrue();
        assertThat(m.criterion()).isEqualTo(">=2.3.0 <2.31.0");
        assertThat(m.note()).contains("GIT range skipped");
        assertThat(m.scheme().id()).isEqualTo("pep440");
        RangeMatch fixed = OsvRangeEvaluator.evaluate(requests, "2.31.0");
        assertThat(fixed.affected()).isFalse();
        assertThat(fixed.note()).contains("GIT range skipped");
    }

    @Test
    void everyListedVersionOfAnOsvRecordIsAffected() throws IOException {
        List<AffectedPackage> affected = OsvRecordJson.affected(SharedFixtures.require("osv/osvdev-testdata-UBUNTU-CVE-2025-38094.json"));
        AffectedPackage linux = affected.get(0);
        assertThat(linux.versions()).hasSizeGreaterThan(100);
        for (String v : linux.versions()) {
            assertThat(OsvRangeEvaluator.match(linux, v)).as(v).isPresent();
        }
    }

    /** The entries about the component's package, evaluated in order; the first that affects it wins. */
    private static Optional<RangeMatch> firstMatch(List<AffectedPackage> affected, PurlKey component) {
        for (AffectedPackage a : affected) {
            if (a.ecosystem() == null || a.name() == null) continue;
            if (!PurlKey.fromOsv(a.ecosystem(), a.name()).lookupKey().equals(component.lookupKey())) continue;
            Optional<RangeMatch> m = OsvRangeEvaluator.match(a, component.version());
            if (m.isPresent()) return m;
        }
        return Optional.empty();
    }
}
