package jp.mamori.advisory.feed;

import jp.mamori.intake.JsonLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import jp.mamori.advisory.FeedFormatException;

/**
 * Walks a JSON feed document with Jackson's streaming parser and materialises one record at a
 * time as a tree, so memory stays flat whatever the size of the document (the whole NVD is one
 * 2 GB array). Top-level fields that are not streamed (metadata such as {@code totalResults}, or
 * the whole record of a single-record document) are collected and returned. The elements of a
 * streamed array are read ahead on a helper thread when a second core is available
 * ({@link ReadAhead}), so that building the next trees overlaps with mapping and storing these.
 */
public final class JsonFeedReader {

    /**
     * Receives what the reader finds at the top level of a document. Every method is called on
     * the thread that called {@link #read}, in document order (records may have been read ahead
     * on a helper thread, see {@link ReadAhead}, but are handed over here).
     */
    public interface Handler {
        /**
         * Whether the elements of this top-level array field are records to stream one by one.
         * {@code ""} stands for a document that is itself an array.
         */
        boolean streams(String field);

        /** One element of a streamed array, in document order. */
        void record(String field, JsonRecord record) throws FeedFormatException;

        /** The end of a streamed array, with the number of records it held. */
        default void streamed(String field, int count) throws FeedFormatException { }

        /** A top-level field that is not streamed, as soon as it has been read. */
        default void field(String name, JsonRecord value) throws FeedFormatException { }
    }

    private final FeedLimits limits;
    private final JsonFactory factory;

    public JsonFeedReader(FeedLimits limits) {
        this.limits = limits;
        // the caller opened the stream and closes it; a parser must not
        this.factory = limits.json().factory().rebuild().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    }

    public FeedLimits limits() { return limits; }

    /**
     * Reads one document. Returns the non-streamed top-level fields of an object document (the
     * whole document when nothing was streamed), or null when the document is an array.
     */
    public ObjectNode read(InputStream in, String file, Handler handler) throws IOException, FeedFormatException {
        JsonParser p;
        try {
            p = factory.createParser(in); // reads the first bytes to detect the encoding
        } catch (FeedSizeLimitException e) {
            throw e.asFormatError(file, null);
        }
        TreeReader bounded = new TreeReader(limits.maxRecordTokens());
        try (p) {
            JsonToken t = p.nextToken();
            if (t == null) throw new FeedFormatException(file, "line 1", "empty document, expected JSON");
            ObjectNode collected = null;
            if (t == JsonToken.START_ARRAY) {
                if (!handler.streams("")) {
                    throw new FeedFormatException(file, JsonRecord.place(p.currentTokenLocation(), ""),
                            "expected a JSON object at the top level, found an array");
                }
                streamArray(p, bounded, file, "", "", handler);
            } else if (t == JsonToken.START_OBJECT) {
                collected = readObject(p, bounded, file, handler);
            } else {
                throw new FeedFormatException(file, JsonRecord.place(p.currentTokenLocation(), ""),
                        "expected a JSON object or array, found " + t);
            }
            if (p.nextToken() != null) {
                throw new FeedFormatException(file, JsonRecord.place(p.currentTokenLocation(), null),
                        "unexpected content after the end of the JSON document");
            }
            return collected;
        } catch (JsonProcessingException e) {
            // constraint violations carry no location of their own
            JsonLocation where = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            throw new FeedFormatException(file, JsonRecord.place(where, pointer(p)),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (FeedSizeLimitException e) {
            throw e.asFormatError(file, JsonRecord.place(p.currentLocation(), pointer(p)));
        }
    }

    private ObjectNode readObject(JsonParser p, TreeReader bounded, String file, Handler handler)
            throws IOException, FeedFormatException {
        ObjectNode collected = JsonNodeFactory.instance.objectNode();
        long collectedTokens = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            String pointer = "/" + escape(name);
            if (value == JsonToken.START_ARRAY && handler.streams(name)) {
                streamArray(p, bounded, file, name, pointer, handler);
                continue;
            }
            JsonLocation start = p.currentTokenLocation();
            bounded.reset();
            JsonNode node = bounded.read(p);
            collectedTokens += bounded.used();
            if (collectedTokens > limits.maxRecordTokens()) {
                throw new FeedFormatException(file, JsonRecord.place(start, pointer),
                        "document has more than " + limits.maxRecordTokens() + " JSON tokens outside streamed records");
            }
            collected.set(name, node);
            handler.field(name, new JsonRecord(node, file, pointer, start));
        }
        return collected;
    }

    private void streamArray(JsonParser p, TreeReader bounded, String file, String field, String base,
                             Handler handler) throws IOException, FeedFormatException {
        int index = 0;
        if (ReadAhead.worthwhile()) {
            try (ReadAhead ahead = new ReadAhead(p, file, base, limits.maxRecordTokens())) {
                ahead.start();
                ReadAhead.Item item;
                while ((item = ahead.next()) != null) {
                    handler.record(field, item.record());
                    index++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + file);
            }
        } else {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation start = p.currentTokenLocation();
                bounded.reset();
                JsonNode node = bounded.read(p);
                handler.record(field, new JsonRecord(node, file, base + "/" + index, start));
                index++;
            }
        }
        handler.streamed(field, index);
    }

    private static String pointer(JsonParser p) {
        try {
            return p.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) return name;
        return name.replace("~", "~0").replace("/", "~1");
    }
}
