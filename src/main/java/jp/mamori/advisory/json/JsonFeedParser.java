package jp.mamori.advisory.json;

import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;

/**
 * A feed parser whose document is one {@link JsonFeedRun} (a header and one array of records: CSAF, OpenVEX):
 * the source it reads, and a new run for every document, streamed by {@link JsonStream}.
 */
public abstract class JsonFeedParser implements FeedParser {
    private final Source source;

    protected JsonFeedParser(Source source) {
        this.source = source;
    }

    @Override
    public final Source source() {
        return source;
    }

    @Override
    public final void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException {
        JsonStream.parse(in, name, js -> run(js, sink).read());
    }

    /** The reading of one document. */
    protected abstract JsonFeedRun run(JsonStream js, FeedSink sink);
}
