package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/** {@code feeds import|status}, {@code vuln show}: the user-facing knowledge-base commands. */
class FeedsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void vulnShowMergesNvdCnaKevAndEpssWithTheirSources() throws Exception {
        Path data = Files.createTempDirectory("mamori-feeds-");
        Result imp = CliProcess.run("feeds", "import", "--data", data.toString(), "src/main/resources/demo/feeds");
        assertThat(imp.exitCode()).as(imp.toString()).isZero();
        Result show = CliProcess.run("vuln", "show", "--data", data.toString(), "--format", "json", "CVE-2023-4966");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        JsonNode v = JSON.readTree(show.stdout());
        assertThat(v.path("id").asText()).isEqualTo("CVE-2023-4966");
        assertThat(v.path("cvss")).anySatisfy(s -> {
            assertThat(s.path("source").asText()).isEqualTo("nvd");
            assertThat(s.path("baseScore").asDouble()).isEqualTo(7.5);
        });
        assertThat(v.path("cvss")).anySatisfy(s -> {
            assertThat(s.path("source").asText()).isEqualTo("cna:secure@citrix.com");
            assertThat(s.path("baseScore").asDouble()).isEqualTo(9.4);
        });
        assertThat(v.path("kev").path("dateAdded").asText()).isEqualTo("2023-10-18");
        assertThat(v.path("epss").path("score").asDouble()).isEqualTo(0.96486);
        assertThat(v.path("affected").path("cpe")).isNotEmpty();
        assertThat(v.path("sources")).extracting(n -> n.path("source").asText()).contains("nvd");

        Result alias = CliProcess.run("vuln", "show", "--data", data.toString(), "GHSA-jfh8-c2jp-5v3q");
        assertThat(alias.exitCode()).isZero();
        assertThat(alias.stdout()).startsWith("CVE-2021-44228").contains("Log4j");

        Result status = CliProcess.run("feeds", "status", "--data", data.toString(), "--format", "json");
        JsonNode rows = JSON.readTree(status.stdout());
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.path("source").asText()).isEqualTo("kev");
            assertThat(r.path("records").asInt()).isEqualTo(12);
        });
    }

    @Test
    void aMalformedFeedExitsTwoNamesTheFileAndKeepsTheRest() throws Exception {
        Path data = Files.createTempDirectory("mamori-feeds-");
        Path dir = Files.createTempDirectory("feeds-in-");
        Files.copy(Path.of("src/main/resources/demo/feeds/kev-demo.json"), dir.resolve("kev.json"));
        Files.writeString(dir.resolve("nvd-broken.json"), "{\"resultsPerPage\": 1, \"vulnerabilities\": [ {\"cve\": {\"id\": \"CVE-2024-0001\",");
        Result r = CliProcess.run("feeds", "import", "--data", data.toString(), "--source", "nvd", dir.resolve("nvd-broken.json").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains("nvd-broken.json").containsPattern("line \\d+");
        Result ok = CliProcess.run("feeds", "import", "--data", data.toString(), dir.resolve("kev.json").toString());
        assertThat(ok.exitCode()).isZero();
        Result status = CliProcess.run("feeds", "status", "--data", data.toString());
        assertThat(status.stdout()).contains("nvd-broken.json");
        Result missing = CliProcess.run("vuln", "show", "--data", data.toString(), "CVE-2024-0001");
        assertThat(missing.exitCode()).as("nothing of the broken document was stored").isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void aBundleRoundTripsAndATamperedOneIsRefused() throws Exception {
        Path data = Files.createTempDirectory("mamori-feeds-");
        Path cache = data.resolve("feeds").resolve("kev");
        Files.createDirectories(cache);
        Files.copy(Path.of("src/main/resources/demo/feeds/kev-demo.json"), cache.resolve("known_exploited_vulnerabilities.json"));
        Path bundle = data.resolve("bundle.zip");
        Result export = CliProcess.run("feeds", "export-bundle", "--data", data.toString(), bundle.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();

        Path closed = Files.createTempDirectory("mamori-lgwan-");
        Result imp = CliProcess.run("feeds", "import", "--data", closed.toString(), "--source", "bundle", bundle.toString());
        assertThat(imp.exitCode()).as(imp.toString()).isZero();
        assertThat(CliProcess.run("vuln", "show", "--data", closed.toString(), "CVE-2023-4966").stdout()).contains("CISA KEV: 追加 2023-10-18");

        Path tampered = data.resolve("tampered.zip");
        try (var in = new java.util.zip.ZipFile(bundle.toFile()); var out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".json") && !entry.getName().equals("manifest.json")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("2023-10-18", "2099-10-18").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        Path other = Files.createTempDirectory("mamori-lgwan-");
        Result refused = CliProcess.run("feeds", "import", "--data", other.toString(), "--source", "bundle", tampered.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.stderr()).containsIgnoringCase("sha-256");
        assertThat(CliProcess.run("feeds", "status", "--data", other.toString(), "--format", "json").stdout()).doesNotContain("\"records\" : 12");
    }

    /** Interop: every public sample imports, except the documents published broken, which are refused. */
    @Test
    void everyFixtureFeedImportsOrIsRefusedWithAClearMessage() throws Exception {
        Path root = SharedFixtures.require("nvd");
        Path fixtures = root.getParent();
        Path data = Files.createTempDirectory("mamori-interop-");
        Result r = CliProcess.run("feeds", "import", "--data", data.toString(), fixtures.resolve("nvd").toString(), fixtures.resolve("cve5").toString(),
                fixtures.resolve("kev/known_exploited_vulnerabilities.json").toString(), fixtures.resolve("epss").toString(),
                fixtures.resolve("osv").toString(), fixtures.resolve("csaf").toString(), fixtures.resolve("jvn/myjvn-hnd").toString());
        String failures = r.stderr().lines().filter(l -> l.startsWith("  ")).reduce("", (a, b) -> a + b + "\n");
        for (String line : failures.lines().toList()) {
            assertThat(line).as("only documents that hold no vulnerabilities or are broken as published are refused")
                    .containsAnyOf("dataFeed_jvndb_rss_hnd.xml", "getProductList", "getStatistics", "getAlertList", "myjvn_vendor", "myjvn_product",
                            "cvehistory", "sources", "no vulnerability records", "holds no vulnerability");
        }
        Result v = CliProcess.run("vuln", "show", "--data", data.toString(), "--format", "json", "CVE-2023-4966");
        JsonNode rec = JSON.readTree(v.stdout());
        assertThat(rec.path("kev").path("dateAdded").asText()).isEqualTo("2023-10-18");
        assertThat(rec.path("sources")).extracting(n -> n.path("source").asText()).contains("nvd", "cve5");
        assertThat(rec.path("cvss")).extracting(n -> n.path("baseScore").asDouble()).contains(7.5, 9.4);
    }
}
