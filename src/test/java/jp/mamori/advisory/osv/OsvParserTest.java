package jp.mamori.advisory.osv;

import static jp.mamori.advisory.feed.CollectingSink.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.CollectingSink;
import org.junit.jupiter.api.Test;

class OsvParserTest {
    private final OsvParser parser = new OsvParser();

    private Advisory parse(String resource) throws Exception {
        return parseText(new String(resource("/feeds/osv/" + resource).readAllBytes(), StandardCharsets.UTF_8), resource);
    }

    private Advisory parseText(String doc, String name) throws Exception {
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), name, sink);
        assertThat(sink.advisories).hasSize(1);
        return sink.advisories.get(0);
    }

    private static RangeEvent ev(String kind, String v) { return new RangeEvent(kind, v); }

    @Test
    void githubAdvisoryIsKeyedByItsCve() throws Exception {
        Advisory a = parse("GHSA-jfh8-c2jp-5v3q.json");

        assertThat(a.source()).isEqualTo(Source.OSV);
        assertThat(a.vulnId()).isEqualTo("CVE-2021-44228");
        assertThat(a.documentId()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(a.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(a.title()).isEqualTo("Remote code injection in Log4j");
        assertThat(a.descriptions().get("en")).contains("JNDI");
        assertThat(a.published()).isEqualTo(Instant.parse("2021-12-10T00:40:56Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2022-03-25T20:56:18Z"));
        assertThat(a.cvss()).containsExactly(new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", null, "osv:GHSA", null));
        assertThat(a.cwes()).containsExactly("CWE-20", "CWE-400", "CWE-502", "CWE-917");
    }

    @Test
    void log4jMavenRangesAsPublished() throws Exception {
        Advisory a = parse("GHSA-jfh8-c2jp-5v3q.json");

        assertThat(a.packages()).hasSize(3).allSatisfy(p -> {
            assertThat(p.ecosystem()).isEqualTo("Maven");
            assertThat(p.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
            assertThat(p.purl()).isNull();
        });
        assertThat(a.packages()).flatExtracting(AffectedPackage::ranges).containsExactly(
                new PackageRange("ECOSYSTEM", List.of(ev("introduced", "2.13.0"), ev("fixed", "2.15.0"))),
                new PackageRange("ECOSYSTEM", List.of(ev("introduced", "0"), ev("fixed", "2.3.1"))),
                new PackageRange("ECOSYSTEM", List.of(ev("introduced", "2.4"), ev("fixed", "2.12.2"))));
    }

    @Test
    void referencesKeepTheirOsvType() throws Exception {
        Advisory a = parse("GHSA-jfh8-c2jp-5v3q.json");

        assertThat(a.references()).containsExactly(
                new Reference("https://nvd.nist.gov/vuln/detail/CVE-2021-44228", List.of("ADVISORY")),
                new Reference("https://github.com/apache/logging-log4j2/pull/608", List.of("WEB")),
                new Reference("https://github.com/apache/logging-log4j2", List.of("PACKAGE")));
        assertThat(a.references()).noneMatch(Reference::isExploit);
    }

    @Test
    void goSemverRangesWithSeveralIntroducedAndRelatedIsNotAnAlias() throws Exception {
        Advisory a = parse("GO-2023-2102.json");

        assertThat(a.vulnId()).isEqualTo("CVE-2023-39325");
        assertThat(a.aliases()).containsExactlyInAnyOrder("GO-2023-2102", "GHSA-4374-p667-p6c8").doesNotContain("CVE-2023-44487");
        assertThat(a.packages().get(0).ranges()).containsExactly(new PackageRange("SEMVER", List.of(
                ev("introduced", "0"), ev("fixed", "1.20.10"), ev("introduced", "1.21.0-0"), ev("fixed", "1.21.3"))));
        assertThat(a.published()).as("Go's zero time means unknown").isNull();
        assertThat(a.cvss()).isEmpty();
    }

    @Test
    void versionsGitRangeAndPurl() throws Exception {
        Advisory a = parse("PYSEC-2023-74.json");

        assertThat(a.vulnId()).isEqualTo("CVE-2023-32681");
        assertThat(a.aliases()).containsExactlyInAnyOrder("PYSEC-2023-74", "GHSA-j8r2-6x86-q33q");
        AffectedPackage p = a.packages().get(0);
        assertThat(p.purl()).isEqualTo("pkg:pypi/requests");
        assertThat(p.versions()).containsExactly("2.10.0", "2.11.0", "2.9.2");
        assertThat(p.ranges()).extracting(PackageRange::type).containsExactly("GIT", "ECOSYSTEM");
        assertThat(a.title()).isNull();
        assertThat(a.descriptions().get("en")).contains("Proxy-Authorization");
    }

    @Test
    void distributionRecordTakesItsCveFromUpstreamAndDropsPurlVersion() throws Exception {
        Advisory a = parse("UBUNTU-CVE-2025-38094.json");

        assertThat(a.vulnId()).isEqualTo("CVE-2025-38094");
        assertThat(a.documentId()).isEqualTo("UBUNTU-CVE-2025-38094");
        assertThat(a.cvss()).as("Ubuntu priority is not CVSS").isEmpty();
        assertThat(a.packages()).singleElement().satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("Ubuntu:Pro:14.04:LTS");
            assertThat(p.purl()).isEqualTo("pkg:deb/ubuntu/linux?arch=source&distro=esm-infra-legacy/trusty");
            assertThat(p.ranges()).containsExactly(new PackageRange("ECOSYSTEM", List.of(ev("introduced", "0"))));
        });
    }

    @Test
    void recordNamingSeveralCvesKeepsItsOwnId() throws Exception {
        Advisory a = parseText("{\"id\":\"RHSA-2022:0216\",\"modified\":\"2024-05-01T00:00:00Z\","
                + "\"upstream\":[\"CVE-2021-44832\",\"CVE-2021-45046\"]}", "rhsa.json");

        assertThat(a.vulnId()).isEqualTo("RHSA-2022:0216");
        assertThat(a.aliases()).isEmpty();
    }

    @Test
    void withdrawnRecord() throws Exception {
        String doc = new String(resource("/feeds/osv/GHSA-jfh8-c2jp-5v3q.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"modified\":", "\"withdrawn\": \"2022-04-01T00:00:00Z\", \"modified\":"); // constructed variant

        assertThat(parseText(doc, "withdrawn.json").withdrawn()).isTrue();
        assertThat(parse("GHSA-jfh8-c2jp-5v3q.json").withdrawn()).isFalse();
    }

    @Test
    void arrayOfRecordsIsStreamed() throws Exception {
        String a = new String(resource("/feeds/osv/GHSA-jfh8-c2jp-5v3q.json").readAllBytes(), StandardCharsets.UTF_8);
        String b = new String(resource("/feeds/osv/GO-2023-2102.json").readAllBytes(), StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(("[" + a + "," + b + "]").getBytes(StandardCharsets.UTF_8)), "all.json", sink);

        assertThat(sink.advisories).extracting(Advisory::documentId).containsExactly("GHSA-jfh8-c2jp-5v3q", "GO-2023-2102");
    }

    @Test
    void unknownRangeEventIsReportedWithPointer() {
        assertThatThrownBy(() -> parseText("{\"id\":\"GHSA-xxxx-xxxx-xxxx\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"qs\"},"
                + "\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"patched\":\"6.10.3\"}]}]}]}", "bad.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("bad.json (at /affected/0/ranges/0/events/1): unknown range event 'patched'");
    }

    @Test
    void documentWithoutIdIsNotOsv() {
        assertThatThrownBy(() -> parseText("{\"schema_version\":\"1.6.0\"}", "x.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("x.json (at /id): not an OSV record: no id");
    }

    @Test
    void purlVersionIsCutBeforeQualifiers() {
        assertThat(OsvAffected.withoutVersion("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"))
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(OsvAffected.withoutVersion("pkg:npm/%40angular/core@1.0.0#sub/path")).isEqualTo("pkg:npm/%40angular/core#sub/path");
        assertThat(OsvAffected.withoutVersion("pkg:pypi/requests")).isEqualTo("pkg:pypi/requests");
    }
}
