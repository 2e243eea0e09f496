package jp.mamori.advisory.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.testsupport.SharedFixtures;

/** Listing and reading the shared fixtures for the interop suites. */
public final class InteropFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InteropFiles() { }

    /** Every regular file directly in the fixture folder {@code dir}, sorted; skips the test when absent. */
    public static List<Path> filesIn(String dir) {
        Path folder = SharedFixtures.require(dir);
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document as a tree: the independent oracle the streaming results are checked against. */
    public static JsonNode tree(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CollectingSink parse(FeedParser parser, Path file) throws IOException, FeedFormatException {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = FeedInputs.open(file)) {
            parser.parse(in, file.getFileName().toString(), sink);
        }
        return sink;
    }
}
