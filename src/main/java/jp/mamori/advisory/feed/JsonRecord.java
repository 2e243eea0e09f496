package jp.mamori.advisory.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import jp.mamori.advisory.FeedFormatException;

/**
 * One record of a feed, read as a tree, with where it came from so that mapping errors can name
 * the file, the line where the record starts and the JSON pointer of the offending field.
 *
 * @param node    the record
 * @param file    file name for messages
 * @param pointer JSON pointer of the record in its document, e.g. {@code /vulnerabilities/17/cve}
 * @param start   where the record starts in the file
 */
public record JsonRecord(JsonNode node, String file, String pointer, JsonLocation start) {

    /** The same record narrowed to a child, e.g. {@code child("cve")}. */
    public JsonRecord child(String field) {
        return new JsonRecord(node.path(field), file, pointer + "/" + field, start);
    }

    /** An error about the field at {@code relativePointer} below this record ("" for the record itself). */
    public FeedFormatException error(String relativePointer, String message) {
        return new FeedFormatException(file, place(start, pointer + relativePointer), message);
    }

    /** "line 12, column 5, at /vulnerabilities/17/cve" - the form used by every parser. */
    public static String place(JsonLocation location, String pointer) {
        StringBuilder sb = new StringBuilder();
        if (location != null && location.getLineNr() > 0) {
            sb.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        } else if (location != null && location.getByteOffset() >= 0) {
            sb.append("byte ").append(location.getByteOffset());
        }
        if (pointer != null) {
            if (sb.length() > 0) sb.append(", ");
            String shown = pointer.length() > 200 ? pointer.substring(0, 200) + "..." : pointer;
            sb.append("at ").append(shown.isEmpty() ? "/" : shown);
        }
        return sb.toString();
    }
}
