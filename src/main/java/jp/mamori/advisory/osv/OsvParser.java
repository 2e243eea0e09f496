package jp.mamori.advisory.osv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.advisory.feed.JsonFeedReader;
import jp.mamori.advisory.feed.JsonRecord;

/**
 * OSV 1.x JSON: one record per document as in the OSV databases and their {@code all.zip}
 * (see {@link OsvArchiveReader}); also a top-level array of records, or the OSV API's
 * {@code {"vulns": [...]}}, streamed one record at a time. Mapping: {@link OsvRecordMapper}.
 */
public final class OsvParser implements FeedParser {
    private final JsonFeedReader reader;

    public OsvParser() { this(FeedLimits.DEFAULT); }

    public OsvParser(FeedLimits limits) { this.reader = new JsonFeedReader(limits); }

    @Override
    public Source source() { return Source.OSV; }

    @Override
    public void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        boolean[] streamed = {false};
        ObjectNode top = reader.read(in, name, new JsonFeedReader.Handler() {
            @Override
            public boolean streams(String field) { return field.isEmpty() || field.equals("vulns"); }

            @Override
            public void streamed(String field, int count) { streamed[0] = true; }

            @Override
            public void record(String field, JsonRecord record) throws FeedFormatException {
                sink.advisory(OsvRecordMapper.map(record));
            }
        });
        if (streamed[0]) return;
        if (top == null || !top.has("id")) {
            throw new FeedFormatException(name, "at /id", "not an OSV record: no id");
        }
        sink.advisory(OsvRecordMapper.map(new JsonRecord(top, name, "", null)));
    }
}
