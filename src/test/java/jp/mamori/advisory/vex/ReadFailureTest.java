package jp.mamori.advisory.vex;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParser;
import jp.mamori.advisory.csaf.CsafParser;
import jp.mamori.advisory.jvn.JvnParser;
import jp.mamori.testsupport.RecordingSink;
import org.junit.jupiter.api.Test;

/**
 * A disk or network failure while reading is an IOException (the importer reports it as a
 * failure and retries), never a FeedFormatException (which tells the user the file is bad).
 */
class ReadFailureTest {
    @Test
    void failingStreamSurfacesAsIoExceptionFromEveryParser() {
        check(new OpenVexParser(), "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": [");
        check(new CycloneDxVexParser(), "<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>");
        check(new CycloneDxVexParser(), "{\"bomFormat\": \"CycloneDX\", \"vulnerabilities\": [");
        check(new CsafParser(), "{\"document\": {\"category\": ");
        check(new JvnParser(), "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><item>");
    }

    private static void check(FeedParser parser, String head) {
        InputStream in = new SequenceInputStream(
                new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk went away");
                    }
                });
        assertThatThrownBy(() -> parser.parse(in, "f", new RecordingSink()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(FeedFormatException.class)
                .hasMessageContaining("disk went away");
    }
}
