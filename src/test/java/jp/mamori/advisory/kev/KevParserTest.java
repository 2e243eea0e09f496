package jp.mamori.advisory.kev;

import static jp.mamori.advisory.feed.CollectingSink.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.KevEntry;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.CollectingSink;
import org.junit.jupiter.api.Test;

class KevParserTest {
    private final KevParser parser = new KevParser();

    private CollectingSink parse(String resource) throws Exception {
        CollectingSink sink = new CollectingSink();
        parser.parse(resource("/feeds/kev/" + resource), resource, sink);
        return sink;
    }

    private CollectingSink parseText(String text) throws Exception {
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "kev.csv", sink);
        return sink;
    }

    @Test
    void jsonCatalogueEntriesAndMeta() throws Exception {
        CollectingSink sink = parse("kev-2.json");

        assertThat(parser.source()).isEqualTo(Source.KEV);
        assertThat(sink.kev).extracting(KevEntry::cveId).containsExactly("CVE-2023-4966", "CVE-2021-44228");
        KevEntry citrix = sink.kev.get(0);
        assertThat(citrix.vendorProject()).isEqualTo("Citrix");
        assertThat(citrix.product()).isEqualTo("NetScaler ADC and NetScaler Gateway");
        assertThat(citrix.dateAdded()).isEqualTo(LocalDate.of(2023, 10, 18));
        assertThat(citrix.dueDate()).isEqualTo(LocalDate.of(2023, 11, 8));
        assertThat(citrix.ransomware()).isEqualTo("Known");
        assertThat(citrix.shortDescription()).contains("(\"Citrix Bleed\")");
        assertThat(sink.kev.get(1).dueDate()).isEqualTo(LocalDate.of(2021, 12, 24));
        assertThat(sink.meta).containsEntry("catalogVersion", "2025.08.25")
                .containsEntry("dateReleased", "2025-08-25T17:04:19.9796Z").containsEntry("count", "2");
        assertThat(sink.advisories).isEmpty();
    }

    @Test
    void csvGivesTheSameEntriesAsJson() throws Exception {
        assertThat(parse("kev-2.csv").kev).isEqualTo(parse("kev-2.json").kev);
    }

    @Test
    void badDateNamesEntryPointer() {
        assertThatThrownBy(() -> parse("kev-bad-date.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("kev-bad-date.json (line ")
                .hasMessageContaining("at /vulnerabilities/1/dateAdded")
                .hasMessageContaining("'2021-12-32'");
    }

    @Test
    void csvColumnsInAnyOrderAndQuotedLineBreaks() throws Exception {
        CollectingSink sink = parseText("dateAdded,cveID,notes,knownRansomwareCampaignUse\r\n"
                + "2021-12-10,CVE-2021-44228,\"first line\nsecond, line\",Known\r\n");

        assertThat(sink.kev).singleElement().satisfies(e -> {
            assertThat(e.cveId()).isEqualTo("CVE-2021-44228");
            assertThat(e.notes()).isEqualTo("first line\nsecond, line");
            assertThat(e.dueDate()).isNull();
            assertThat(e.ransomware()).isEqualTo("Known");
        });
    }

    @Test
    void csvRowWithWrongFieldCountNamesItsLine() {
        assertThatThrownBy(() -> parseText("cveID,dateAdded,dueDate\nCVE-2023-4966,2023-10-18,2023-11-08\nCVE-2021-44228,2021-12-10\n"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("kev.csv (line 3): row has 2 fields, the header has 3");
    }

    @Test
    void csvWithoutKevHeaderIsRefused() {
        assertThatThrownBy(() -> parseText("cve,epss,percentile\nCVE-1999-0001,0.03351,0.88255\n"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("kev.csv (line 1): not a KEV CSV");
    }

    @Test
    void entryWithoutCveIdIsRefused() {
        assertThatThrownBy(() -> parseText("{\"vulnerabilities\":[{\"dateAdded\":\"2023-10-18\"}]}"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("at /vulnerabilities/0/cveID")
                .hasMessageContaining("without a CVE id");
    }

    @Test
    void jsonWithoutVulnerabilitiesIsNotAKevCatalogue() {
        assertThatThrownBy(() -> parseText("{\"title\":\"something else\"}"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("not a KEV catalogue");
    }
}
