package jp.mamori.advisory.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;

/**
 * One reading of one JSON feed document made of a header and one array of records (CSAF: the
 * document and product tree, then {@code vulnerabilities[]}; OpenVEX: {@code @context}, {@code @id}
 * and {@code timestamp}, then {@code statements[]}). Each record is read as a tree and mapped on
 * its own as soon as the header it needs has been read, so memory follows the largest record.
 * A record that comes before its header (unusual key order) is held, in order, until the
 * document has been read — the only case where memory follows the number of records.
 */
public abstract class JsonFeedRun {

    private record Held(JsonNode node, int index, JsonStream.Mark mark) { }

    protected final JsonStream js;
    protected final String name;
    protected final FeedSink sink;
    private final String what;
    private final String recordsField;
    private final String recordNoun;
    private final List<Held> held = new ArrayList<>();

    /**
     * @param what         the document as refusals name it ("a CSAF document")
     * @param recordsField the array of records ("vulnerabilities")
     * @param recordNoun   one record as refusals name it ("vulnerability")
     */
    protected JsonFeedRun(JsonStream js, FeedSink sink, String what, String recordsField, String recordNoun) {
        this.js = js;
        this.name = js.name();
        this.sink = sink;
        this.what = what;
        this.recordsField = recordsField;
        this.recordNoun = recordNoun;
    }

    /** Reads the document to its end, handing every record to {@link #emit}. */
    public final void read() throws FeedFormatException {
        js.readRootObject(what, field -> {
            if (!field.equals(recordsField)) {
                header(field);
                return;
            }
            js.eachObject(recordsField, recordNoun, (r, index, mark) -> {
                if (headerKnown(r)) emit(r, index, mark);
                else held.add(new Held(r, index, mark));
            });
        });
        headerComplete();
        for (Held h : held) emit(h.node(), h.index(), h.mark());
    }

    /** A field beside the records: the stream stands on its value, which this reads or skips. */
    protected abstract void header(String field) throws FeedFormatException;

    /** Whether what {@code record} needs of the header has been read. */
    protected abstract boolean headerKnown(JsonNode record);

    /** After the whole document: refuses it when its header is missing or wrong. */
    protected abstract void headerComplete() throws FeedFormatException;

    /** Maps one record into the sink; {@link JsonStream.Mark#map} reports a wrong field at the record. */
    protected abstract void emit(JsonNode record, int index, JsonStream.Mark mark) throws FeedFormatException;
}
