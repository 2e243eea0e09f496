package jp.mamori.inventory.sbom.json;

import jp.mamori.intake.JsonLimits;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;

/**
 * Jackson set up for untrusted SBOMs: nesting depth bounded, duplicate keys refused (two "purl" values in
 * one component would let a document say two things at once), trailing garbage refused; and errors
 * turned into messages that name the line, column and JSON pointer.
 */
public final class JsonInput {
    private JsonInput() { }

    /** For reading a whole document into a tree. */
    public static ObjectMapper mapper(SbomLimits limits) {
        return streaming(limits).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * For a streaming parser that reads parts of a document as trees; the trailing-token check would
     * see the next part as "trailing", so the caller checks the end of the document itself.
     */
    public static ObjectMapper streaming(SbomLimits limits) {
        JsonFactory factory = JsonLimits.strict(limits.maxDepth()).factory();
        return new ObjectMapper(factory);
    }

    /** A streaming parser over the document (creating one over a byte array does no I/O). */
    public static JsonParser parser(byte[] bytes, SbomLimits limits) {
        try {
            return streaming(limits).createParser(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The whole document as a tree; any error names the place. */
    public static JsonNode readTree(byte[] bytes, String file, SbomLimits limits) throws SbomFormatException {
        ObjectMapper mapper = mapper(limits);
        try (JsonParser p = mapper.createParser(bytes)) {
            try {
                return mapper.readTree(p);
            } catch (JacksonException e) {
                throw error(file, e, p);
            }
        } catch (IOException e) {
            throw new SbomFormatException(file, null, "unreadable JSON: " + e.getMessage(), e);
        }
    }

    public static SbomFormatException error(String file, JacksonException e) {
        return new SbomFormatException(file, place(e), "malformed JSON: " + e.getOriginalMessage(), e);
    }

    /**
     * Like {@link #error(String, JacksonException)}, taking the place from the parser when the exception
     * has none (Jackson's constraint violations, such as nesting depth, carry no location).
     */
    public static SbomFormatException error(String file, JacksonException e, JsonParser parser) {
        String place = place(e);
        if (place == null) {
            JsonLocation loc = parser.currentLocation();
            place = "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) place += ", " + pointer;
        }
        return new SbomFormatException(file, place, "malformed JSON: " + e.getOriginalMessage(), e);
    }

    /** "line 3, column 7, /components/0/name" as far as Jackson knows it. */
    public static String place(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append("line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr());
        }
        String pointer = null;
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            pointer = p.getParsingContext().pathAsPointer().toString();
        } else if (e instanceof JsonMappingException m) {
            pointer = pointer(m);
        }
        if (pointer != null && !pointer.isEmpty()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(pointer);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String pointer(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.toString();
    }
}
