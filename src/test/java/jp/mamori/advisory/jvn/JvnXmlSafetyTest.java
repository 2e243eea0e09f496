package jp.mamori.advisory.jvn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.testsupport.Feeds;
import jp.mamori.testsupport.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile XML (SPEC §8): DOCTYPE/XXE is refused with a clear error, nothing read, nothing emitted. */
class JvnXmlSafetyTest {
    private final JvnParser parser = new JvnParser();

    @Test
    void externalEntityDocumentIsRefusedAndTheFileItNamesIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\" xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns:sec=\"http://jvn.jp/rss/mod_sec/3.0/\"><item><title>&xxe;</title>"
                + "<sec:identifier>JVNDB-2025-000001</sec:identifier></item></rdf:RDF>";
        RecordingSink sink = new RecordingSink();
        long before = Files.getLastModifiedTime(secret).toMillis();

        assertThatThrownBy(() -> parser.parse(new java.io.ByteArrayInputStream(xxe.getBytes()), "xxe.rdf", sink))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("xxe.rdf");
                    assertThat(e.getMessage()).contains("DOCTYPE declarations are not allowed")
                            .doesNotContain("TOP-SECRET-MARKER");
                    assertThat(e.location()).startsWith("line 2:");
                });
        assertThat(sink.records()).isZero();
        assertThat(sink.meta).isEmpty();
        assertThat(Files.getLastModifiedTime(secret).toMillis()).isEqualTo(before);
    }

    @Test
    void externalDtdIsRefusedBeforeAnythingIsFetched() {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE VULDEF-Document SYSTEM \"http://127.0.0.1:9/vuldef.dtd\">"
                + "<VULDEF-Document xmlns=\"http://jvn.jp/vuldef/\"/>";
        assertThatThrownBy(() -> Feeds.text(parser, "dtd.xml", doc))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("DOCTYPE declarations are not allowed");
    }

    @Test
    void entityExpansionBombIsRefusedAsDoctype() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<VULDEF-Document xmlns=\"http://jvn.jp/vuldef/\"><Vulinfo><VulinfoID>&lol2;</VulinfoID></Vulinfo></VULDEF-Document>";
        assertThatThrownBy(() -> Feeds.text(parser, "bomb.xml", bomb))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("DOCTYPE declarations are not allowed");
    }

    @Test
    void undeclaredEntityIsAnErrorNotSilentlyDropped() {
        String doc = "<?xml version=\"1.0\"?><VULDEF-Document xmlns=\"http://jvn.jp/vuldef/\">"
                + "<Vulinfo><VulinfoID>&undeclared;</VulinfoID></Vulinfo></VULDEF-Document>";
        assertThatThrownBy(() -> Feeds.text(parser, "entity.xml", doc))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("entity.xml")
                .hasMessageContaining("undeclared");
    }

    @Test
    void elementDepthIsBounded() {
        String doc = "<?xml version=\"1.0\"?><VULDEF-Document xmlns=\"http://jvn.jp/vuldef/\">"
                + "<x>".repeat(1000) + "</x>".repeat(1000) + "</VULDEF-Document>";
        assertThatThrownBy(() -> Feeds.text(parser, "deep.xml", doc))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("nested deeper than 128 levels");
    }
}
