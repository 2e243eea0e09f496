package jp.mamori.advisory;

import static jp.mamori.advisory.feed.CollectingSink.resourceBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDetectorTest {

    private static FeedFormat detect(String text) {
        return FeedDetector.detect(text.getBytes(StandardCharsets.UTF_8)).format();
    }

    @ParameterizedTest
    @CsvSource({
            "/feeds/nvd/api-response-3.json, NVD_API_RESPONSE",
            "/feeds/nvd/CVE-2018-13379.cve.json, NVD_CVE",
            "/feeds/nvd/cvehistory.json, UNKNOWN",
            "/feeds/cve5/CVE-2023-4966.json, CVE5",
            "/feeds/kev/kev-2.json, KEV_JSON",
            "/feeds/kev/kev-2.csv, KEV_CSV",
            "/feeds/epss/epss-small.csv, EPSS_CSV",
            "/feeds/epss/epss-api.json, EPSS_JSON",
            "/feeds/osv/GHSA-jfh8-c2jp-5v3q.json, OSV",
            "/feeds/osv/PYSEC-2023-74.json, OSV",
    })
    void detectsTheProjectsOwnSamples(String resource, FeedFormat expected) {
        FeedDetector.Detection d = FeedDetector.detect(resourceBytes(resource));

        assertThat(d.format()).as(d.reason()).isEqualTo(expected);
        assertThat(d.source()).isEqualTo(expected.source());
    }

    @Test
    void aPrefixOfAHugeResponseIsEnough() {
        byte[] whole = resourceBytes("/feeds/nvd/api-response-3.json");

        assertThat(FeedDetector.detect(Arrays.copyOf(whole, 400)).format()).isEqualTo(FeedFormat.NVD_API_RESPONSE);
    }

    @Test
    void nvdResponseWithoutFormatFieldIsRecognisedByItsRecords() {
        assertThat(detect("{\"resultsPerPage\":1,\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-2023-4966\"}}]}"))
                .isEqualTo(FeedFormat.NVD_API_RESPONSE);
    }

    @Test
    void hooksForTheOtherParsers() {
        assertThat(detect("{\"document\":{\"category\":\"csaf_vex\",\"csaf_version\":\"2.0\"},\"vulnerabilities\":[]}"))
                .isEqualTo(FeedFormat.CSAF);
        assertThat(detect("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"https://example.org/vex-1\",\"statements\":[]}"))
                .isEqualTo(FeedFormat.OPENVEX);
        assertThat(detect("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.4\",\"vulnerabilities\":[{\"id\":\"CVE-2021-44228\"}]}"))
                .isEqualTo(FeedFormat.CYCLONEDX_VEX);
        assertThat(detect("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.4\",\"components\":[]}"))
                .isEqualTo(FeedFormat.UNKNOWN);
        assertThat(detect("<?xml version=\"1.0\"?>\n<!-- feed -->\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns:sec=\"http://jvn.jp/rss/mod_sec/3.0/\"><item/></rdf:RDF>")).isEqualTo(FeedFormat.JVN_XML);
        assertThat(detect("<?xml version=\"1.0\"?><VULDEF-Document version=\"3.2\" xmlns=\"http://jvn.jp/vuldef/\"></VULDEF-Document>"))
                .isEqualTo(FeedFormat.JVN_XML);
        assertThat(detect("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"><vulnerabilities/></bom>"))
                .isEqualTo(FeedFormat.CYCLONEDX_VEX);
    }

    @Test
    void unknownInputsSayWhatTheyLookLike() {
        FeedDetector.Detection d = FeedDetector.detect("{\"$schema\":\"x\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(d.known()).isFalse();
        assertThat(d.reason()).isEqualTo("JSON object with keys $schema, title");
        assertThat(FeedDetector.detect(new byte[0]).reason()).isEqualTo("empty file");
        assertThat(detect("<rss version=\"2.0\"><channel/></rss>")).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(detect("name,version\nlog4j-core,2.14.1\n")).isEqualTo(FeedFormat.UNKNOWN);
    }

    @Test
    void epssCsvWithByteOrderMarkAndCommentFirst() {
        assertThat(detect("\uFEFF#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n"))
                .isEqualTo(FeedFormat.EPSS_CSV);
        assertThat(detect("#derived file\ncve,epss,percentile,date\n")).isEqualTo(FeedFormat.EPSS_CSV);
    }

    @Test
    void gzipIsLookedThroughAndZipIsNamed(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("known_exploited_vulnerabilities.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(resourceBytes("/feeds/kev/kev-2.json"));
        }
        assertThat(FeedDetector.detect(gz).format()).isEqualTo(FeedFormat.KEV_JSON);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("GHSA-jfh8-c2jp-5v3q.json"));
            z.write(resourceBytes("/feeds/osv/GHSA-jfh8-c2jp-5v3q.json"));
        }
        Path all = Files.write(dir.resolve("all.zip"), zip.toByteArray());
        assertThat(FeedDetector.detect(all).format()).isEqualTo(FeedFormat.ZIP);
        assertThat(FeedFormat.ZIP.source()).isNull();
    }
}
