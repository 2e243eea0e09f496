package jp.mamori.advisory.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import org.junit.jupiter.api.Test;

class JsonFeedReaderTest {
    private static final FeedLimits SMALL = new FeedLimits(16, 2048, 256, 1000);

    private final List<JsonRecord> records = new ArrayList<>();

    private ObjectNode read(FeedLimits limits, String json) throws Exception {
        return new JsonFeedReader(limits).read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "doc.json",
                new JsonFeedReader.Handler() {
                    @Override
                    public boolean streams(String field) { return field.equals("items"); }

                    @Override
                    public void record(String field, JsonRecord record) { records.add(record); }
                });
    }

    @Test
    void streamsArrayElementsWithTheirPointerAndCollectsTheRest() throws Exception {
        ObjectNode rest = read(FeedLimits.DEFAULT, "{\"a\":1,\n\"items\":[{\"x\":1},\n {\"x\":2}],\"b\":{\"c\":true}}");

        assertThat(records).extracting(JsonRecord::pointer).containsExactly("/items/0", "/items/1");
        assertThat(records.get(1).start().getLineNr()).isEqualTo(3);
        assertThat(rest.fieldNames()).toIterable().containsExactly("a", "b");
    }

    @Test
    void oneRecordLargerThanTheTokenBudgetIsRefused() {
        StringBuilder big = new StringBuilder("{\"items\":[{\"x\":1},{\"list\":[");
        for (int i = 0; i < 2000; i++) big.append(i == 0 ? "" : ",").append(i);
        big.append("]}]}");

        assertThatThrownBy(() -> read(SMALL, big.toString()))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("doc.json (line 1")
                .hasMessageContaining("at /items/1/list/")
                .hasMessageContaining("more than 1000 JSON tokens");
        assertThat(records).hasSize(1);
    }

    @Test
    void manySmallRecordsStayWithinTheBudget() throws Exception {
        StringBuilder doc = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 5000; i++) doc.append(i == 0 ? "" : ",").append("{\"x\":").append(i).append('}');
        read(SMALL, doc.append("]}").toString());

        assertThat(records).hasSize(5000);
    }

    @Test
    void overlongStringIsRefused() {
        assertThatThrownBy(() -> read(SMALL, "{\"items\":[{\"x\":\"" + "a".repeat(5000) + "\"}]}"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("at /items/0/x")
                .hasMessageContaining("String value length");
    }

    @Test
    void trailingContentIsRefused() {
        assertThatThrownBy(() -> read(FeedLimits.DEFAULT, "{\"items\":[]}\n{\"items\":[]}"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("doc.json (line 2, column 1): unexpected content after the end of the JSON document");
    }

    @Test
    void emptyAndScalarDocumentsAreRefused() {
        assertThatThrownBy(() -> read(FeedLimits.DEFAULT, "  ")).hasMessage("doc.json (line 1): empty document, expected JSON");
        assertThatThrownBy(() -> read(FeedLimits.DEFAULT, "42")).hasMessageContaining("expected a JSON object or array");
        assertThatThrownBy(() -> read(FeedLimits.DEFAULT, "[1]")).hasMessageContaining("found an array");
    }
}
