package jp.mamori.triage.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every published test vector in ../shared/fixtures/cvss, scored and compared with the published
 * score. Skipped (visibly) when the fixtures are absent. Agreement counts are printed.
 */
class CvssFixtureInteropTest {
    private final CvssCalculator calculator = new CvssCalculator();

    /** The CSV re-expressions: vector in column 1, base (v4: the published score) in column 2. */
    @ParameterizedTest
    @ValueSource(strings = {"cvss/cvss2_vectors_scores.csv", "cvss/cvss3_vectors_scores.csv", "cvss/cvss4_vectors_scores.csv"})
    void csvFixturesAgreeOnEveryRow(String fixture) throws IOException {
        Path file = SharedFixtures.require(fixture);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cols = line.split(",");
            cases.add(new Case(cols[0], Double.parseDouble(cols[1])));
        }
        assertAllAgree(fixture, cases);
    }

    /** Upstream Red Hat files not re-expressed in the CSVs (temporal/environmental v2/v3 vectors). */
    @ParameterizedTest
    @ValueSource(strings = {"vectors_calculator2.txt", "vectors_cvsslib2.txt", "vectors_calculator3.txt", "vectors_cvsslib3.txt"})
    void redHatExtraVectorsAgreeOnBaseScore(String name) throws IOException {
        Path file = SharedFixtures.require("cvss/redhat-cvss-tests/" + name);
        Pattern line = Pattern.compile("^(\\S+) - \\(?([-0-9.]+)");
        List<Case> cases = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = line.matcher(l);
            if (m.find()) cases.add(new Case(m.group(1), Double.parseDouble(m.group(2))));
        }
        assertAllAgree(name, cases);
    }

    /** Real NVD records' vectors with NVD's score and severity. */
    @ParameterizedTest
    @ValueSource(strings = {"cvss/nvd-go/v30-scores.json", "cvss/nvd-go/v31-scores.json"})
    void nvdScoresAndSeveritiesAgree(String fixture) throws IOException {
        Path file = SharedFixtures.require(fixture);
        JsonNode rows = new ObjectMapper().readTree(file.toFile());
        List<Case> cases = new ArrayList<>();
        List<String> severityMismatches = new ArrayList<>();
        for (JsonNode row : rows) {
            String vector = row.get("vector").asText();
            cases.add(new Case(vector, row.get("score").asDouble()));
            CvssResult r = calculator.score(vector);
            if (!row.get("severity").asText().equalsIgnoreCase(String.valueOf(r.severity()))) {
                severityMismatches.add(vector + " expected " + row.get("severity").asText() + " got " + r.severity());
            }
        }
        assertAllAgree(fixture, cases);
        assertThat(severityMismatches).isEmpty();
    }

    /** Every CVSS metric in the NVD API records under fixtures/nvd: NVD's and the CNAs' published scores. */
    @Test
    void nvdRecordMetricsAgreeWithPublishedScoresAndSeverities() throws IOException {
        Path dir = SharedFixtures.require("nvd");
        List<Case> cases = new ArrayList<>();
        List<String> severityMismatches = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : files) {
            for (JsonNode metric : mapper.readTree(file.toFile()).findParents("cvssData")) {
                JsonNode data = metric.get("cvssData");
                String vector = data.path("vectorString").asText();
                cases.add(new Case(vector, data.path("baseScore").asDouble()));
                // v3/v4 keep the severity inside cvssData, v2 next to it
                String severity = data.has("baseSeverity") ? data.get("baseSeverity").asText() : metric.path("baseSeverity").asText();
                CvssResult r = calculator.score(vector);
                if (!severity.equalsIgnoreCase(String.valueOf(r.severity()))) {
                    severityMismatches.add(file.getFileName() + " " + vector + " expected " + severity + " got " + r.severity());
                }
            }
        }
        assertAllAgree("nvd/**/*.json metrics", cases);
        assertThat(severityMismatches).isEmpty();
    }

    /** CVE-2023-4966 (Citrix Bleed): NVD scores 7.5, the Citrix CNA 9.4; both vectors as NVD publishes them. */
    @Test
    void citrixBleedVectorsFromTheNvdRecord() throws IOException {
        Path file = SharedFixtures.require("nvd/CVE-2023-4966.json");
        List<String> scored = new ArrayList<>();
        for (JsonNode metric : new ObjectMapper().readTree(file.toFile()).findParents("cvssData")) {
            CvssResult r = calculator.score(metric.get("cvssData").get("vectorString").asText());
            scored.add(metric.get("source").asText() + " " + r.baseScore() + " " + r.severityJa());
        }
        assertThat(scored).contains("nvd@nist.gov 7.5 重要", "secure@citrix.com 9.4 緊急");
    }

    private void assertAllAgree(String fixture, List<Case> cases) {
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            CvssResult r = calculator.score(c.vector());
            // compare in tenths: the fixtures write "-0.0" for some zero v2 scores
            if (!r.ok() || Math.round(r.baseScore() * 10) != Math.round(c.expected() * 10)) {
                mismatches.add(c.vector() + " expected " + c.expected() + " got "
                        + (r.ok() ? r.baseScore() : "error: " + r.error()));
            }
        }
        System.out.printf("CVSS interop %s: %d/%d agree%n", fixture, cases.size() - mismatches.size(), cases.size());
        assertThat(cases).isNotEmpty();
        assertThat(mismatches).as(fixture).isEmpty();
    }

    private record Case(String vector, double expected) { }
}
