package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/** {@code sbom add|list|check|diff} on the packaged jar. */
class SbomIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void addingANewSbomVersionClosesWhatItFixedAndTheDiffShowsWhy() throws Exception {
        Path data = Files.createTempDirectory("mamori-sbom-");
        String d = data.toString();
        assertThat(CliProcess.run("feeds", "import", "--data", d, "src/main/resources/demo/feeds").exitCode()).isZero();
        assertThat(CliProcess.run("org", "create", "--data", d, "--code", "999998", "--name", "試験町").exitCode()).isZero();
        assertThat(CliProcess.run("system", "create", "--data", d, "--code", "juki", "--name", "住民記録", "--segment", "mynumber",
                "--confidentiality", "3A").exitCode()).isZero();
        assertThat(CliProcess.run("asset", "create", "--data", d, "--system", "juki", "--code", "ap", "--name", "AP", "--kind", "server",
                "--exposure", "small").exitCode()).isZero();
        Result add = CliProcess.run("sbom", "add", "--data", d, "--asset", "ap", "src/main/resources/demo/sbom/juki-system.cdx.json");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.stdout()).contains("コンポーネント 5 件").contains("新規 2").contains("必要 詳細（full）");

        Path v2 = Files.createTempFile("juki-v2", ".cdx.json");
        Files.writeString(v2, Files.readString(Path.of("src/main/resources/demo/sbom/juki-system.cdx.json")).replace("2.14.1", "2.17.1"));
        Result add2 = CliProcess.run("sbom", "add", "--data", d, "--asset", "ap", v2.toString());
        assertThat(add2.stdout()).contains("解消 1");
        Result diff = CliProcess.run("sbom", "diff", "--data", d, "--asset", "ap");
        assertThat(diff.stdout()).contains("変更 2").contains("log4j-core").contains("2.17.1");
        Result list = CliProcess.run("sbom", "list", "--data", d, "--asset", "ap", "--format", "json");
        assertThat(JSON.readTree(list.stdout())).hasSize(2);
    }

    @Test
    void aHostileXmlSbomIsRefusedAndNothingIsStored() throws Exception {
        Path data = Files.createTempDirectory("mamori-sbom-");
        String d = data.toString();
        CliProcess.run("org", "create", "--data", d, "--code", "1", "--name", "x");
        CliProcess.run("system", "create", "--data", d, "--code", "s", "--name", "s", "--segment", "lgwan", "--confidentiality", "2");
        CliProcess.run("asset", "create", "--data", d, "--system", "s", "--code", "a", "--name", "a", "--kind", "server", "--exposure", "small");
        Path xxe = Files.createTempFile("xxe", ".xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\"><components><component type=\"library\">"
                + "<name>&x;</name><version>1</version></component></components></bom>");
        Result r = CliProcess.run("sbom", "add", "--data", d, "--asset", "a", xxe.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains(xxe.getFileName().toString()).containsIgnoringCase("DOCTYPE").doesNotContain("root:");
        assertThat(JSON.readTree(CliProcess.run("sbom", "list", "--data", d, "--asset", "a", "--format", "json").stdout())).isEmpty();
    }

    @Test
    void aVendorTableGetsSuggestedIdentifiersAndAScopeReport() throws Exception {
        Result r = CliProcess.run("sbom", "check", "--format", "json", "--tier", "standard", "src/main/resources/demo/sbom/firewall-vendor-table.csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = JSON.readTree(r.stdout());
        assertThat(j.path("format").asText()).isEqualTo("VendorTable");
        assertThat(j.path("components").asInt()).isEqualTo(3);
        assertThat(j.path("meetsRequired").asBoolean()).as("FortiOS has no purl or CPE in the table").isFalse();
        assertThat(j.path("criteria").toString()).contains("FortiOS");
    }

    /** Interop: the scope check reports on every real SBOM sample (or refuses it clearly). */
    @Test
    void sbomCheckReportsTheScopeGapsOfEveryFixtureSbom() throws Exception {
        Path root = SharedFixtures.require("sbom");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(json|xml|spdx)$"))
                    .filter(p -> !p.getFileName().toString().toLowerCase().contains("license")).sorted().limit(400).toList();
        }
        int checked = 0;
        int refused = 0;
        for (Path f : files.subList(0, Math.min(files.size(), 5))) {
            Result r = CliProcess.run("sbom", "check", "--format", "json", f.toString());
            if (r.exitCode() == 0) {
                JsonNode j = JSON.readTree(r.stdout());
                assertThat(j.path("criteria")).as(f.toString()).isNotEmpty();
                checked++;
            } else {
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(r.stderr()).contains(f.getFileName().toString());
                refused++;
            }
        }
        System.out.println("sbom check interop: " + checked + " reported, " + refused + " refused with a message");
        assertThat(checked).isPositive();
    }
}
