package jp.mamori.advisory;

import java.io.IOException;
import java.io.InputStream;

/** Streams the records of one feed document into a sink. One implementation per source format. */
public interface FeedParser {
    Source source();

    /**
     * @param name the file name shown in error messages
     * @throws FeedFormatException the document is malformed; the message names the place
     */
    void parse(InputStream in, String name, FeedSink sink) throws IOException, FeedFormatException;
}
