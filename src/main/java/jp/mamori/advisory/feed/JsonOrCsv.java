package jp.mamori.advisory.feed;

import java.io.IOException;
import java.io.InputStream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;

/**
 * Feeds published both as JSON and as CSV (KEV, EPSS): the first significant byte decides which
 * reader gets the stream, a size limit becomes a format error naming the document.
 */
public final class JsonOrCsv {
    private JsonOrCsv() { }

    /** One of the two readers of such a feed. */
    @FunctionalInterface
    public interface Reader {
        void read(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException;
    }

    public static void parse(InputStream in, String name, FeedSink sink, Reader json, Reader csv) throws IOException, FeedFormatException {
        try {
            InputStream m = Inputs.markable(in);
            int first = Inputs.firstSignificantByte(m);
            if (first == '{' || first == '[') {
                json.read(m, name, sink);
            } else {
                Inputs.skipBom(m);
                csv.read(m, name, sink);
            }
        } catch (FeedSizeLimitException e) {
            throw e.asFormatError(name, null);
        }
    }
}
