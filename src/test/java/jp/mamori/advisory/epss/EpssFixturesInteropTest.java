package jp.mamori.advisory.epss;

import static jp.mamori.advisory.feed.InteropFiles.filesIn;
import static jp.mamori.advisory.feed.InteropFiles.parse;
import static jp.mamori.advisory.feed.InteropFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.feed.CollectingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every file in the shared fixtures' {@code epss/} and {@code epss/emba-per-cve/}. */
class EpssFixturesInteropTest {
    private final EpssParser parser = new EpssParser();

    @TestFactory
    Stream<DynamicTest> everyEpssFixture() {
        List<Path> files = new ArrayList<>(filesIn("epss"));
        files.addAll(filesIn("epss/emba-per-cve"));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) throws Exception {
        CollectingSink sink = parse(parser, file);
        if (file.toString().endsWith(".json")) {
            JsonNode doc = tree(file);
            assertThat(sink.epss).containsExactly(new EpssScore(doc.get("cve").asText(), Double.parseDouble(doc.get("epss").asText()),
                    Double.parseDouble(doc.get("percentile").asText()), LocalDate.parse(doc.get("date").asText()), null));
        } else {
            long rows = Files.readAllLines(file).stream().filter(l -> l.startsWith("CVE-")).count();
            assertThat(sink.epss).hasSize((int) rows);
        }
    }

    @Test
    void firstHundredRowsOfTheDailyFile() throws Exception {
        CollectingSink sink = parse(parser, SharedFixtures.require("epss/epss_scores-current.first100rows.csv"));

        assertThat(sink.epss).hasSize(100);
        assertThat(sink.epss).allSatisfy(s -> {
            assertThat(s.scoreDate()).isEqualTo(LocalDate.of(2026, 9, 29));
            assertThat(s.modelVersion()).isEqualTo("v2026.06.15");
        });
        assertThat(sink.epss.get(0)).isEqualTo(new EpssScore("CVE-1999-0001", 0.03351, 0.88255, LocalDate.of(2026, 9, 29), "v2026.06.15"));
    }

    @Test
    void derivedFileTakesItsDatesFromTheRows() throws Exception {
        CollectingSink sink = parse(parser, SharedFixtures.require("epss/epss_selected_cves_derived.csv"));

        assertThat(sink.epss).hasSize(20);
        assertThat(sink.epss).filteredOn(s -> s.cveId().equals("CVE-2023-4966")).singleElement()
                .satisfies(s -> assertThat(s.scoreDate()).isEqualTo(LocalDate.of(2024, 3, 24)));
        assertThat(sink.meta).isEmpty();
    }
}
