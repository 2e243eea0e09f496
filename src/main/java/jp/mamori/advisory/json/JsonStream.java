package jp.mamori.advisory.json;

import jp.mamori.intake.JsonLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jp.mamori.advisory.FeedFormatException;

/**
 * A Jackson streaming parser that knows where it is. Feed parsers walk to each record
 * ({@code vulnerabilities[i]}, {@code statements[i]}) and read only that record as a tree,
 * so memory follows the largest record, not the file. Every error names the file,
 * line:column and the JSON pointer; nesting depth and string length are bounded (SPEC §8).
 * A failure to read the bytes at all (disk, network) is not a format error: it leaves as an
 * UncheckedIOException, which the parsers turn back into the IOException of their contract.
 */
public final class JsonStream implements AutoCloseable {
    /** CSAF product trees are the deepest real structures (about 12 levels of branches). */
    public static final int MAX_DEPTH = 200;
    public static final int MAX_STRING_LENGTH = 5_000_000;

    private static final JsonFactory FACTORY =
            new JsonLimits(MAX_DEPTH, MAX_STRING_LENGTH, StreamReadConstraints.DEFAULT_MAX_NAME_LEN, true).factory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final JsonParser parser;
    private final String name;

    private JsonStream(JsonParser parser, String name) {
        this.parser = parser;
        this.name = name;
    }

    /** Reads a whole document from its stream. */
    @FunctionalInterface
    public interface Body {
        void read(JsonStream js) throws FeedFormatException;
    }

    /**
     * Opens the document, hands it to {@code body} and closes it; a failure to read the bytes leaves
     * as the IOException of a parser's contract, not as a format error.
     */
    public static void parse(InputStream in, String name, Body body) throws IOException, FeedFormatException {
        try (JsonStream js = open(in, name)) {
            body.read(js);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static JsonStream open(InputStream in, String name) throws FeedFormatException {
        try {
            JsonParser p = FACTORY.createParser(in);
            p.setCodec(MAPPER);
            return new JsonStream(p, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonParser parser() { return parser; }

    public String name() { return name; }

    public JsonToken next() throws FeedFormatException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonToken current() { return parser.currentToken(); }

    /** Field name of the current FIELD_NAME token. */
    public String fieldName() throws FeedFormatException {
        try {
            return parser.currentName();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expects the first token to open an object. */
    public void expectRootObject(String what) throws FeedFormatException {
        JsonToken t = next();
        if (t != JsonToken.START_OBJECT) {
            throw error("not " + what + ": the document must be a JSON object");
        }
    }

    /** One field of an object: the stream stands on its value, which the handler reads or skips. */
    @FunctionalInterface
    public interface Field {
        void read(String field) throws FeedFormatException;
    }

    /** One element of an array, read as a tree; {@code mark} is where it starts. */
    @FunctionalInterface
    public interface Element {
        void read(JsonNode element, int index, Mark mark) throws FeedFormatException;
    }

    /**
     * Reads a document that must be one object, field by field in the order written, then checks
     * that nothing follows it — the walk every feed document makes.
     */
    public void readRootObject(String what, Field field) throws FeedFormatException {
        expectRootObject(what);
        while (next() == JsonToken.FIELD_NAME) {
            String f = fieldName();
            next();
            field.read(f);
        }
        expectEnd();
    }

    /**
     * The array at the current token, one element at a time, so memory follows the largest
     * element; an element that is not an object is refused as "a {@code noun} must be an object".
     */
    public void eachObject(String arrayField, String noun, Element element) throws FeedFormatException {
        if (current() != JsonToken.START_ARRAY) throw error("\"" + arrayField + "\" must be an array");
        int index = 0;
        while (next() != JsonToken.END_ARRAY) {
            Mark mark = mark();
            JsonNode v = readTree();
            if (!v.isObject()) throw mark.error(name, "", "a " + noun + " must be an object");
            element.read(v, index++, mark);
        }
    }

    /** Reads the value at the current token (object, array or scalar) as a tree. */
    public JsonNode readTree() throws FeedFormatException {
        try {
            JsonNode n = parser.readValueAsTree();
            return n == null ? MAPPER.nullNode() : n;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the value at the current token, still checking it is well-formed. */
    public void skipValue() throws FeedFormatException {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads to the end of input, so that trailing garbage is reported, not ignored. */
    public void expectEnd() throws FeedFormatException {
        JsonToken t = next();
        if (t != null) throw error("unexpected content after the end of the document");
    }

    /** JSON pointer of the current token. */
    public String pointer() {
        String p = parser.getParsingContext().pathAsPointer().toString();
        return p.isEmpty() ? "/" : p;
    }

    public String location() {
        return describe(parser.currentTokenLocation(), pointer());
    }

    /** Where a record starts: used to name the record when a later check on its tree fails. */
    public Mark mark() {
        return new Mark(describe(parser.currentTokenLocation(), ""), pointer());
    }

    public FeedFormatException error(String message) {
        return new FeedFormatException(name, location(), message);
    }

    private FeedFormatException malformed(JsonProcessingException e) {
        String where = e.getLocation() != null ? describe(e.getLocation(), pointer()) : location();
        return new FeedFormatException(name, where, "malformed JSON: " + e.getOriginalMessage(), e);
    }

    private static String describe(JsonLocation l, String pointer) {
        String at = pointer.isEmpty() ? "" : " at " + pointer;
        return l == null ? at.trim() : "line " + l.getLineNr() + ":" + l.getColumnNr() + at;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // only read
        }
    }

    /**
     * The place a record started; {@link #error} names a field inside it.
     *
     * @param line    "line L:C" where the record starts
     * @param pointer JSON pointer of the record
     */
    public record Mark(String line, String pointer) {
        public FeedFormatException error(String file, String relativePointer, String message) {
            return new FeedFormatException(file, line + " at " + pointer + relativePointer, message);
        }

        /** Maps this record: a field the mapper finds wrong ({@link InvalidField}) is reported at this record. */
        public void map(String file, Runnable mapping) throws FeedFormatException {
            try {
                mapping.run();
            } catch (InvalidField e) {
                throw error(file, e.pointer(), e.getMessage());
            }
        }
    }
}
