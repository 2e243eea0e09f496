package jp.mamori.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Pretty JSON written as UTF-8 bytes, the same bytes as {@link Json#pretty} encoded in UTF-8.
 * The elements of a long array in a top-level field (a scan's findings) are serialized on every
 * core, each into its own bytes at the depth it has in the document, and then written in order as
 * raw values: the pretty printer still writes the separators and indentation around them. A
 * 10,000-component scan prints ~60 MB; written on one core it was a quarter of a cold scan (issue 16).
 */
final class JsonBytes {

    /** Below this many elements an array is written in line: splitting it costs more than it saves. */
    static final int PARALLEL_FROM = 256;

    /**
     * The printer's depth at an element of an array in a field of the root object: one for the root
     * object; the default printer writes arrays in line ("[ {", "} ]"), so they add none.
     */
    private static final int ELEMENT_DEPTH = 1;

    private final ObjectWriter document;
    private final ObjectWriter element;

    JsonBytes(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        // Surrogate pairs as four UTF-8 bytes (what encoding the characters gives), not as \\u escapes.
        this.document = mapper.writerWithDefaultPrettyPrinter().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
        this.element = mapper.writer(new NestedPrettyPrinter(ELEMENT_DEPTH)).with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    /** Writes {@code value} to {@code out}; a tree is not changed. */
    void write(OutputStream out, Object value) {
        try {
            document.writeValue(out, value instanceof ObjectNode root ? withPrebuiltElements(root) : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode withPrebuiltElements(ObjectNode root) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode v = field.getValue();
            copy.set(field.getKey(), v instanceof ArrayNode a && a.size() >= PARALLEL_FROM ? prebuilt(a) : v);
        }
        return copy;
    }

    private ArrayNode prebuilt(ArrayNode array) {
        byte[][] bytes = new byte[array.size()][];
        IntStream.range(0, bytes.length).parallel().forEach(i -> {
            try {
                bytes[i] = element.writeValueAsBytes(array.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ArrayNode out = JsonNodeFactory.instance.arrayNode(bytes.length);
        for (byte[] b : bytes) out.addRawValue(new RawValue(new Utf8Bytes(b)));
        return out;
    }

    /** The default pretty printer, starting at a depth: what it writes is what the whole document's printer writes there. */
    static final class NestedPrettyPrinter extends DefaultPrettyPrinter {
        private final int depth;

        NestedPrettyPrinter(int depth) {
            this.depth = depth;
            this._nesting = depth;
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new NestedPrettyPrinter(depth);
        }
    }

    /**
     * Already encoded JSON, written as it is. Only a byte-based generator reads it (the bytes);
     * the character methods decode them, for completeness.
     */
    private record Utf8Bytes(byte[] utf8) implements SerializableString {

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            return getValue().toCharArray();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            return utf8;
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return appendUnquotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return appendUnquoted(buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) return -1;
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            char[] chars = asQuotedChars();
            if (offset + chars.length > buffer.length) return -1;
            System.arraycopy(chars, 0, buffer, offset, chars.length);
            return chars.length;
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return writeUnquotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return putUnquotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < utf8.length) return -1;
            buffer.put(utf8);
            return utf8.length;
        }
    }
}
