package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Standard output of the real process writes JSON as UTF-8 bytes, long arrays on every core: what
 * the user receives must be exactly what the character path prints (the path tests and every other
 * stream use), whatever the text holds.
 */
class JsonBytesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Shaped like a scan document: small fields, then long arrays of nested objects, then a summary. */
    private static ObjectNode scanLike(int findings) {
        ObjectNode root = F.objectNode();
        root.put("schema", "mamori.scan/1");
        root.putObject("sbom").put("format", "CycloneDX").put("components", 10_000);
        ArrayNode list = root.putArray("findings");
        for (int i = 0; i < findings; i++) {
            ObjectNode f = list.addObject();
            f.put("id", "CVE-2024-" + i);
            f.putArray("aliases");
            if (i % 3 == 0) f.putArray("fixedIn").add("1." + i).add("2.0");
            ObjectNode c = f.putObject("component");
            c.put("name", i % 5 == 0 ? "ライブラリ\u3000" + i : "lib" + i);
            c.putNull("purl");
            f.putObject("empty");
            f.put("score", 9.8 - (i % 10) / 10.0);
            f.put("overdue", i % 2 == 0);
            // control characters, quotes, backslashes, a character outside the BMP (a surrogate pair)
            f.putObject("explanation").put("ja", "攻撃コードが公開済み「" + i + "」\t\"引用\" \\ \u0001 \n 😀 終わり")
                    .put("en", "exploit published; line\r\nbreak \u2028 sep");
            f.putArray("nested").add(F.arrayNode().add(1).add("x")).add(F.objectNode());
        }
        root.putArray("candidates").add(F.objectNode().put("id", "JVNDB-2024-1"));
        root.putArray("suppressed");
        root.putObject("summary").put("act", 1).put("attend", findings - 1);
        return root;
    }

    private static byte[] characterPath(Object doc) {
        return (Json.pretty(doc) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLongArrayWrittenInParallelGivesTheBytesOfTheCharacterPath() {
        ObjectNode doc = scanLike(JsonBytes.PARALLEL_FROM * 3 + 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessStdout stdout = new ProcessStdout(out);
        Json.println(stdout, doc);
        stdout.flush();
        assertThat(out.toByteArray()).isEqualTo(characterPath(doc));
    }

    @Test
    void shortArraysAndOtherValuesToo() {
        for (Object doc : new Object[] {scanLike(0), scanLike(3), F.arrayNode().add("配列").add(F.objectNode().put("a", 1)),
                java.util.Map.of("key", "値"), "text"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ProcessStdout stdout = new ProcessStdout(out);
            Json.println(stdout, doc);
            stdout.flush();
            assertThat(out.toByteArray()).as(String.valueOf(doc)).isEqualTo(characterPath(doc));
        }
    }

    @Test
    void textPrintedBeforeAndAfterStaysInOrder() {
        ObjectNode doc = scanLike(JsonBytes.PARALLEL_FROM + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessStdout stdout = new ProcessStdout(out);
        stdout.print("前置き / before ");
        Json.println(stdout, doc);
        stdout.println("後 / after");
        stdout.flush();
        String expected = "前置き / before " + Json.pretty(doc) + System.lineSeparator() + "後 / after" + System.lineSeparator();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void theTreeIsNotChanged() {
        ObjectNode doc = scanLike(JsonBytes.PARALLEL_FROM + 1);
        ObjectNode copy = doc.deepCopy();
        new JsonBytes(new ObjectMapper()).write(new ByteArrayOutputStream(), doc);
        assertThat(doc).isEqualTo(copy);
    }

    @Test
    void aLoneSurrogateFromAHostileSbomStillGivesValidJson() throws IOException {
        ObjectNode doc = scanLike(JsonBytes.PARALLEL_FROM + 1);
        ((ObjectNode) doc.get("findings").get(5).get("component")).put("name", "bad\uD800name");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessStdout stdout = new ProcessStdout(out);
        Json.println(stdout, doc);
        stdout.flush();
        JsonNode back = new ObjectMapper().readTree(out.toByteArray());
        assertThat(back.get("findings")).hasSize(JsonBytes.PARALLEL_FROM + 1);
        assertThat(back.get("findings").get(6)).isEqualTo(doc.get("findings").get(6));
        assertThat(back.get("findings").get(5).get("component").get("name").asText()).startsWith("bad").endsWith("name");
    }

    @Test
    void aReaderThatWentAwayIsNoErrorForTheCommandButIsRecorded() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ProcessStdout stdout = new ProcessStdout(closed);
        Json.println(stdout, scanLike(JsonBytes.PARALLEL_FROM + 1));
        assertThat(stdout.checkError()).isTrue();
    }
}
