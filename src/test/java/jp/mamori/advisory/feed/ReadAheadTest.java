package jp.mamori.advisory.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The helper thread that reads a streamed array ahead of the caller. */
class ReadAheadTest {

    private static String items(int n) {
        StringBuilder sb = new StringBuilder("{\"meta\":1,\"items\":[");
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ",\n").append("{\"n\":").append(i).append(",\"s\":\"r").append(i).append("\"}");
        return sb.append("],\"after\":true}").toString();
    }

    private static List<Integer> read(String doc, List<String> events, Integer throwAt) throws Exception {
        List<Integer> seen = new ArrayList<>();
        new JsonFeedReader(FeedLimits.DEFAULT).read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "doc.json",
                new JsonFeedReader.Handler() {
                    @Override
                    public boolean streams(String field) { return field.equals("items"); }

                    @Override
                    public void record(String field, JsonRecord r) throws FeedFormatException {
                        int n = r.node().get("n").intValue();
                        assertThat(r.pointer()).isEqualTo("/items/" + n);
                        if (throwAt != null && n == throwAt) throw r.error("/n", "refused by the sink");
                        seen.add(n);
                    }

                    @Override
                    public void streamed(String field, int count) { events.add("streamed " + count); }

                    @Override
                    public void field(String name, JsonRecord value) { events.add("field " + name); }
                });
        return seen;
    }

    private static long helperThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("feed-read-ahead")).count();
    }

    @AfterEach
    void noHelperThreadOutlivesARead() {
        assertThat(helperThreads()).isZero();
        System.clearProperty("mamori.feeds.readAhead");
    }

    @Test
    void recordsArriveInDocumentOrderAcrossBatchesAndFieldsAroundThem() throws Exception {
        List<String> events = new ArrayList<>();
        List<Integer> seen = read(items(1000), events, null);

        assertThat(seen).hasSize(1000).isSorted();
        assertThat(events).containsExactly("field meta", "streamed 1000", "field after");
    }

    @Test
    void sameResultWithoutReadAhead() throws Exception {
        List<Integer> ahead = read(items(300), new ArrayList<>(), null);
        System.setProperty("mamori.feeds.readAhead", "false");
        List<Integer> inline = read(items(300), new ArrayList<>(), null);

        assertThat(inline).isEqualTo(ahead);
    }

    @Test
    void sinkErrorStopsTheHelperAndPropagates() {
        assertThatThrownBy(() -> read(items(5000), new ArrayList<>(), 100))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("at /items/100/n")
                .hasMessageContaining("refused by the sink");
    }

    @Test
    void malformedJsonAfterManyRecordsIsReportedAfterThem() {
        String doc = items(1000);
        String cut = doc.substring(0, doc.indexOf("{\"n\":700,") + 12);
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> seen.addAll(read(cut, new ArrayList<>(), null)))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("doc.json (line 701")
                .hasMessageContaining("at /items/700");
    }

    @Test
    void recordsBeforeAMalformedOneReachTheHandler() throws Exception {
        String doc = items(1000);
        String cut = doc.substring(0, doc.indexOf("{\"n\":700,") + 12);
        List<Integer> seen = new ArrayList<>();
        JsonFeedReader.Handler h = new JsonFeedReader.Handler() {
            @Override
            public boolean streams(String field) { return true; }

            @Override
            public void record(String field, JsonRecord r) { seen.add(r.node().get("n").intValue()); }
        };

        assertThatThrownBy(() -> new JsonFeedReader(FeedLimits.DEFAULT)
                .read(new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)), "doc.json", h))
                .isInstanceOf(FeedFormatException.class);
        assertThat(seen).hasSize(700).endsWith(699);
    }
}
