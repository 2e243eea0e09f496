package jp.mamori.advisory.nvd;

import static jp.mamori.advisory.feed.CollectingSink.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.CollectingSink;
import org.junit.jupiter.api.Test;

class NvdParserTest {
    private final NvdParser parser = new NvdParser();

    private CollectingSink parse(String resource) throws Exception {
        CollectingSink sink = new CollectingSink();
        parser.parse(resource("/feeds/nvd/" + resource), resource, sink);
        return sink;
    }

    @Test
    void apiResponseStreamsEveryRecordAndReportsPaging() throws Exception {
        CollectingSink sink = parse("api-response-3.json");

        assertThat(sink.advisories).extracting(Advisory::vulnId)
                .containsExactly("CVE-2023-4966", "CVE-2022-44577", "CVE-2022-22965");
        assertThat(sink.meta).containsEntry("totalResults", "3").containsEntry("startIndex", "0")
                .containsEntry("resultsPerPage", "3").containsEntry("timestamp", "2025-10-25T08:00:00.000")
                .containsEntry("format", "NVD_CVE");
    }

    @Test
    void keepsNvdPrimaryAndCnaSecondaryScores() throws Exception {
        Advisory a = parse("api-response-3.json").advisory("CVE-2023-4966");

        assertThat(a.source()).isEqualTo(Source.NVD);
        assertThat(a.documentId()).isEqualTo("CVE-2023-4966");
        assertThat(a.cvss()).containsExactlyInAnyOrder(
                new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "nvd", "Primary"),
                new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "cna:secure@citrix.com", "Secondary"));
    }

    @Test
    void readsLocalLessTimestampsAsUtcAndDescriptionsByLanguage() throws Exception {
        Advisory a = parse("api-response-3.json").advisory("CVE-2023-4966");

        assertThat(a.published()).isEqualTo(Instant.parse("2023-10-10T14:15:10.977Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2025-10-24T13:42:55.550Z"));
        assertThat(a.descriptions()).containsOnlyKeys("en", "ja");
        assertThat(a.descriptions().get("ja")).contains("NetScaler");
    }

    @Test
    void keepsConfigurationsWholeWithRanges() throws Exception {
        Advisory a = parse("api-response-3.json").advisory("CVE-2023-4966");

        assertThat(a.configurations()).hasSize(1);
        CpeConfiguration c = a.configurations().get(0);
        assertThat(c.operator()).isEqualTo("OR");
        assertThat(c.nodes()).singleElement().satisfies(n -> assertThat(n.cpeMatch()).hasSize(9));
        assertThat(c.nodes().get(0).cpeMatch()).contains(new CpeMatch(true,
                "cpe:2.3:a:citrix:netscaler_application_delivery_controller:*:*:*:*:fips:*:*:*",
                "13.1", null, null, "13.1-37.164"));
        assertThat(c.nodes().get(0).cpeMatch()).contains(new CpeMatch(true,
                "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", "14.1", null, null, "14.1-8.50"));
    }

    @Test
    void keepsRunningOnStructureOfAndConfigurations() throws Exception {
        Advisory a = parse("api-response-3.json").advisory("CVE-2022-22965");

        CpeConfiguration c = a.configurations().get(0);
        assertThat(c.operator()).isEqualTo("AND");
        assertThat(c.nodes()).hasSize(2);
        assertThat(c.nodes().get(0).cpeMatch()).extracting(CpeMatch::describe).containsExactly(
                "cpe:2.3:a:vmware:spring_framework:*:*:*:*:*:*:*:* <5.2.20",
                "cpe:2.3:a:vmware:spring_framework:*:*:*:*:*:*:*:* >=5.3.0 <5.3.18");
        CpeMatch jdk = c.nodes().get(1).cpeMatch().get(0);
        assertThat(jdk.vulnerable()).isFalse();
        assertThat(jdk.versionStartIncluding()).isEqualTo("9");
        assertThat(a.references()).singleElement().satisfies(r -> assertThat(r.isExploit()).isTrue());
    }

    @Test
    void rejectedRecordIsWithdrawn() throws Exception {
        CollectingSink sink = parse("api-response-3.json");

        assertThat(sink.advisory("CVE-2022-44577").withdrawn()).isTrue();
        assertThat(sink.advisory("CVE-2023-4966").withdrawn()).isFalse();
    }

    @Test
    void dropsNvdCweplaceholdersAndDuplicates() throws Exception {
        CollectingSink sink = parse("api-response-3.json");

        assertThat(sink.advisory("CVE-2023-4966").cwes()).containsExactly("CWE-119");
        assertThat(sink.advisory("CVE-2022-22965").cwes()).containsExactly("CWE-94");
    }

    @Test
    void mergesReferencesRepeatedPerSource() throws Exception {
        Advisory a = parse("api-response-3.json").advisory("CVE-2023-4966");

        assertThat(a.references()).extracting(Reference::url).containsExactly(
                "http://packetstormsecurity.com/files/175323/Citrix-Bleed-Session-Token-Leakage-Proof-Of-Concept.html",
                "https://support.citrix.com/article/CTX579459",
                "https://www.cisa.gov/known-exploited-vulnerabilities-catalog?field_cve=CVE-2023-4966");
        assertThat(a.references().get(1).tags()).containsExactly("Vendor Advisory");
    }

    @Test
    void kevFieldsInNvdDoNotMakeKevEntriesButCisaSsvcActiveMarksExploited() throws Exception {
        CollectingSink sink = parse("api-response-3.json");

        assertThat(sink.kev).isEmpty();
        // CVE-2023-4966 carries cisaExploitAdd and CISA's SSVC "active"; only the latter counts
        assertThat(sink.advisory("CVE-2023-4966").exploited()).isTrue();
        // CVE-2022-22965 carries cisaExploitAdd in the real record but no SSVC here
        assertThat(sink.advisory("CVE-2022-22965").exploited()).isFalse();
    }

    @Test
    void ssvcPocBecomesExploitEvidence() throws Exception {
        String doc = new String(resource("/feeds/nvd/api-response-3.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"exploitation\": \"active\"", "\"exploitation\": \"poc\""); // constructed variant
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "poc.json", sink);

        Advisory a = sink.advisory("CVE-2023-4966");
        assertThat(a.exploited()).isFalse();
        assertThat(a.references()).filteredOn(Reference::isExploit).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2023-4966");
            assertThat(r.tags()).contains("exploit:poc", "ssvc:cna:134c704f-9b21-4f2e-91b3-4a467353bcc0");
        });
    }

    @Test
    void singleCveObjectWithCvssV2() throws Exception {
        CollectingSink sink = parse("CVE-2018-13379.cve.json");

        Advisory a = sink.advisories.get(0);
        assertThat(sink.advisories).hasSize(1);
        assertThat(a.vulnId()).isEqualTo("CVE-2018-13379");
        assertThat(a.cvss()).extracting(CvssScore::version, CvssScore::baseScore, CvssScore::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("3.1", 9.1, "cna:psirt@fortinet.com"),
                        org.assertj.core.groups.Tuple.tuple("3.1", 9.8, "nvd"),
                        org.assertj.core.groups.Tuple.tuple("2.0", 5.0, "nvd"));
        assertThat(a.configurations().get(0).nodes().get(0).cpeMatch()).contains(
                new CpeMatch(true, "cpe:2.3:a:fortinet:fortiproxy:2.0.0:*:*:*:*:*:*:*", null, null, null, null));
        assertThat(sink.meta).isEmpty();
    }

    @Test
    void truncatedResponseNamesFileLineAndRecordPointer() {
        assertThatThrownBy(() -> parse("api-response-truncated.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("api-response-truncated.json (line ")
                .hasMessageContaining("/vulnerabilities/1/cve/descriptions/0")
                .hasMessageContaining("end-of-input");
    }

    @Test
    void cveHistoryResponseIsRefusedByItsFormat() {
        assertThatThrownBy(() -> parse("cvehistory.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("cvehistory.json")
                .hasMessageContaining("at /format")
                .hasMessageContaining("NVD_CVEHistory");
    }

    @Test
    void recordWithoutIdIsReportedWithItsPointer() {
        String doc = "{\"format\":\"NVD_CVE\",\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-2023-4966\"}},\n"
                + "{\"cve\":{\"published\":\"2023-10-10T14:15:10.977\"}}]}";
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "x.json", new CollectingSink()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("x.json (line 2, column 1, at /vulnerabilities/1/cve/id): cve object without id");
    }

    @Test
    void badTimestampIsReportedWithItsPointer() {
        String doc = "{\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-2023-4966\",\"published\":\"10/10/2023\"}}]}";
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "x.json", new CollectingSink()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("at /vulnerabilities/0/cve/published")
                .hasMessageContaining("not a timestamp: '10/10/2023'");
    }

    @Test
    void emptyPageIsNotAnError() throws Exception {
        String doc = "{\"resultsPerPage\":0,\"startIndex\":2000,\"totalResults\":2000,\"format\":\"NVD_CVE\",\"vulnerabilities\":[]}";
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "empty.json", sink);

        assertThat(sink.advisories).isEmpty();
        assertThat(sink.meta).containsEntry("startIndex", "2000");
    }

    @Test
    void kevCatalogueIsNotMistakenForNvd() {
        assertThatThrownBy(() -> parser.parse(resource("/feeds/kev/kev-2.json"), "kev-2.json", new CollectingSink()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("at /vulnerabilities/0/cve")
                .hasMessageContaining("without a cve object");
    }
}
