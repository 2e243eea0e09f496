package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/** {@code mamori cvss}: SPEC §5 JSON lines, batch from stdin, exit 2 on an invalid vector. */
class CvssIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scoresVectorsAsJsonLinesAndReportsInvalidOnes() throws Exception {
        Result r = CliProcess.run("cvss", "--format", "json", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV:N/AC:L/Au:N/C:C/I:C/A:C",
                "CVSS:3.1/AV:X/garbage");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("version").asText()).isEqualTo("3.1");
        assertThat(first.path("baseScore").asDouble()).isEqualTo(9.8);
        assertThat(first.path("severity").asText()).isEqualTo("Critical");
        assertThat(first.path("severityJa").asText()).isEqualTo("緊急");
        assertThat(JSON.readTree(lines.get(1)).path("baseScore").asDouble()).isEqualTo(10.0);
        JsonNode bad = JSON.readTree(lines.get(2));
        assertThat(bad.path("vector").asText()).isEqualTo("CVSS:3.1/AV:X/garbage");
        assertThat(bad.path("error").asText()).isNotBlank();
    }

    /** Interop: the CLI agrees with the published scores of the fixture vectors (a sample of each version, via stdin). */
    @Test
    void agreesWithTheFixtureVectors() throws Exception {
        Path dir = SharedFixtures.require("cvss");
        int checked = 0;
        for (Map.Entry<String, Integer> f : Map.of("cvss3_vectors_scores.csv", 1, "cvss4_vectors_scores.csv", 1, "cvss2_vectors_scores.csv", 1).entrySet()) {
            List<String[]> rows = Files.readAllLines(dir.resolve(f.getKey())).stream().skip(1).map(l -> l.split(",")).limit(300).toList();
            String stdin = String.join("\n", rows.stream().map(x -> x[0]).toList());
            Result r = CliProcess.run(Map.of(), stdin, "cvss", "--format", "json", "-");
            List<String> lines = r.stdout().lines().toList();
            assertThat(lines).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode n = JSON.readTree(lines.get(i));
                double expected = Math.abs(Double.parseDouble(rows.get(i)[f.getValue()]));
                assertThat(n.path("baseScore").asDouble()).as(rows.get(i)[0]).isEqualTo(expected);
                checked++;
            }
        }
        System.out.println("mamori cvss agreed with " + checked + " fixture vectors");
    }
}
