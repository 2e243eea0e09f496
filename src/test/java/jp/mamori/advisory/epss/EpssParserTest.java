package jp.mamori.advisory.epss;

import static jp.mamori.advisory.feed.CollectingSink.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import jp.mamori.advisory.EpssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.feed.CollectingSink;
import jp.mamori.advisory.feed.FeedInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpssParserTest {
    private final EpssParser parser = new EpssParser();

    private CollectingSink parse(String resource) throws Exception {
        CollectingSink sink = new CollectingSink();
        parser.parse(resource("/feeds/epss/" + resource), resource, sink);
        return sink;
    }

    private CollectingSink parseText(String text) throws Exception {
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "epss.csv", sink);
        return sink;
    }

    @Test
    void dailyCsvWithModelVersionAndScoreDate() throws Exception {
        CollectingSink sink = parse("epss-small.csv");

        assertThat(sink.meta).containsEntry("model_version", "v2026.06.15").containsEntry("score_date", "2026-09-29T12:00:22Z");
        assertThat(sink.epss).hasSize(5);
        assertThat(sink.epss.get(1)).isEqualTo(new EpssScore("CVE-1999-0002", 0.27858, 0.98037, LocalDate.of(2026, 9, 29), "v2026.06.15"));
    }

    @Test
    void badRowNamesItsLineAndColumn() {
        assertThatThrownBy(() -> parse("epss-bad-row.csv"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("epss-bad-row.csv (line 5, column epss): epss is not a number: '0.2456S'");
    }

    @Test
    void rowWithMissingFieldNamesItsLine() {
        assertThatThrownBy(() -> parseText("#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\nCVE-1999-0001,0.03351\n"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("epss.csv (line 3): expected 3 comma-separated fields");
    }

    @Test
    void probabilityOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> parseText("#score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\nCVE-1999-0001,1.5,0.9\n"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("epss.csv (line 3, column epss): epss is outside 0..1: 1.5");
    }

    @Test
    void scoreDateIsRequired() {
        assertThatThrownBy(() -> parseText("cve,epss,percentile\nCVE-1999-0001,0.03351,0.88255\n"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("no score date");
    }

    @Test
    void perRowDateColumnAndCrlf() throws Exception {
        CollectingSink sink = parseText("#derived from the EPSS API\r\ncve,epss,percentile,date\r\nCVE-2023-4966,0.964860000,0.995600000,2024-03-24\r\n\r\n");

        assertThat(sink.epss).containsExactly(new EpssScore("CVE-2023-4966", 0.96486, 0.9956, LocalDate.of(2024, 3, 24), null));
    }

    @Test
    void gzippedDailyFileThroughFeedInputs(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path gz = dir.resolve("epss_scores-2026-09-29.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(resource("/feeds/epss/epss-small.csv").readAllBytes());
        }
        java.nio.file.Files.write(gz, bytes.toByteArray());
        CollectingSink sink = new CollectingSink();
        try (var in = FeedInputs.open(gz)) {
            parser.parse(in, gz.getFileName().toString(), sink);
        }

        assertThat(sink.epss).hasSize(5);
    }

    @Test
    void apiJsonEnvelope() throws Exception {
        CollectingSink sink = parse("epss-api.json");

        assertThat(sink.epss).containsExactly(
                new EpssScore("CVE-2023-4966", 0.96486, 0.9956, LocalDate.of(2024, 3, 24), null),
                new EpssScore("CVE-2021-44228", 0.97562, 0.99997, LocalDate.of(2024, 3, 25), null));
    }

    @Test
    void apiJsonWithBadScoreNamesPointer() {
        assertThatThrownBy(() -> parseText("{\"data\":[{\"cve\":\"CVE-2023-4966\",\"epss\":\"high\",\"percentile\":\"0.99\",\"date\":\"2024-03-24\"}]}"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("at /data/0/epss");
    }
}
