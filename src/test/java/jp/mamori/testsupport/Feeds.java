package jp.mamori.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;

/** Runs a parser over a test resource, a string or a file and returns what it emitted. */
public final class Feeds {
    private Feeds() { }

    public static RecordingSink resource(FeedParser parser, String path) throws IOException, FeedFormatException {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Feeds.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new UncheckedIOException(new IOException("missing test resource " + path));
            parser.parse(in, fileName(path), sink);
        }
        return sink;
    }

    public static RecordingSink text(FeedParser parser, String name, String content) throws IOException, FeedFormatException {
        RecordingSink sink = new RecordingSink();
        parser.parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name, sink);
        return sink;
    }

    public static RecordingSink file(FeedParser parser, Path file, RecordingSink sink) throws IOException, FeedFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, file.getFileName().toString(), sink);
        }
        return sink;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
