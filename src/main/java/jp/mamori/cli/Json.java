package jp.mamori.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import jp.mamori.app.TokyoTime;
import jp.mamori.persistence.StoredJson;

/**
 * Pretty JSON for command output. Every instant a command prints is written in Asia/Tokyo with its
 * offset (ISO-8601, "2026-12-03T09:15:05+09:00", {@link TokyoTime#iso}) — the same instant as stored,
 * in the time a Japanese reader reads.
 */
final class Json {
    private static final ObjectMapper OUT = StoredJson.MAPPER.copy().registerModule(new SimpleModule("tokyo-instants")
            .addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(TokyoTime.iso(value));
                }
            }));

    private static final JsonBytes BYTES = new JsonBytes(OUT);

    private Json() { }

    static String pretty(Object o) {
        try {
            return OUT.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prints {@code o} as {@link #pretty} and a line break, written to {@code out} as it is produced:
     * a 10,000-component scan's JSON is tens of megabytes, and holding it as one string (plus the
     * writer's buffers and the encoded bytes) is what made such a scan fail under a 512 MB heap.
     * The characters go through {@code out}'s own encoding, so the bytes are those of
     * {@code out.println(pretty(o))}.
     */
    static void println(java.io.PrintStream out, Object o) {
        if (out instanceof ProcessStdout stdout) {
            printUtf8(stdout, o);
            return;
        }
        java.io.Writer w = new java.io.Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                out.append(java.nio.CharBuffer.wrap(cbuf, off, len));
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
        try {
            OUT.writerWithDefaultPrettyPrinter().writeValue(w, o);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
    }

    /** The same document as UTF-8 bytes straight into standard output ({@link JsonBytes}). */
    private static void printUtf8(ProcessStdout out, Object o) {
        synchronized (out) {
            try (java.io.OutputStream bytes = out.bytes()) {
                BYTES.write(bytes, o);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.println();
        }
    }

    /** A value as a JSON object to add fields to before printing, its instants already in Tokyo time. */
    static ObjectNode tree(Object o) {
        return OUT.valueToTree(o);
    }
}
