package jp.mamori.advisory.kev;

import static jp.mamori.advisory.feed.InteropFiles.filesIn;
import static jp.mamori.advisory.feed.InteropFiles.parse;
import static jp.mamori.advisory.feed.InteropFiles.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.feed.CollectingSink;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in the shared fixtures' {@code kev/}: the catalogue in JSON and CSV parses completely;
 * the JSON schema and the licence text are not catalogues and are refused with a clear message.
 */
class KevFixturesInteropTest {
    private final KevParser parser = new KevParser();

    @TestFactory
    Stream<DynamicTest> everyKevFixture() {
        return filesIn("kev").stream().map(f -> DynamicTest.dynamicTest("kev/" + f.getFileName(), () -> check(f)));
    }

    private void check(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.equals("known_exploited_vulnerabilities.json")) {
            CollectingSink sink = parse(parser, file);
            JsonNode doc = tree(file);
            assertThat(sink.kev).hasSize(doc.get("vulnerabilities").size());
            assertThat(sink.meta).containsEntry("count", doc.get("count").asText());
        } else if (name.equals("known_exploited_vulnerabilities.csv")) {
            assertThat(parse(parser, file).kev).hasSize(1404);
        } else if (name.endsWith("_schema.json")) {
            assertThatThrownBy(() -> parse(parser, file)).isInstanceOf(FeedFormatException.class)
                    .hasMessageStartingWith(name).hasMessageContaining("not a KEV catalogue");
        } else {
            assertThatThrownBy(() -> parse(parser, file)).isInstanceOf(FeedFormatException.class)
                    .hasMessageStartingWith(name).hasMessageContaining("not a KEV CSV");
        }
    }

    @Test
    void citrixBleedWasAddedOnOctoberEighteenth() throws Exception {
        CollectingSink sink = parse(parser, SharedFixtures.require("kev/known_exploited_vulnerabilities.json"));

        KevEntry e = sink.kev.stream().filter(k -> k.cveId().equals("CVE-2023-4966")).findFirst().orElseThrow();
        assertThat(e.dateAdded()).isEqualTo(LocalDate.of(2023, 10, 18));
        assertThat(e.dueDate()).isEqualTo(LocalDate.of(2023, 11, 8));
        assertThat(e.ransomware()).isEqualTo("Known");
        assertThat(sink.meta).containsEntry("catalogVersion", "2025.08.25");
        // not in KEV (PROVENANCE.md): negative cases
        assertThat(sink.kev).extracting(KevEntry::cveId).doesNotContain("CVE-2022-0778", "CVE-2024-3094", "CVE-2024-6387");
    }

    @Test
    void csvAndJsonCataloguesAgreeEntryByEntry() throws Exception {
        CollectingSink json = parse(parser, SharedFixtures.require("kev/known_exploited_vulnerabilities.json"));
        CollectingSink csv = parse(parser, SharedFixtures.require("kev/known_exploited_vulnerabilities.csv"));

        assertThat(csv.kev).isEqualTo(json.kev);
    }
}
