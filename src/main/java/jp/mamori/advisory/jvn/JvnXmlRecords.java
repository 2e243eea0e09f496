package jp.mamori.advisory.jvn;

import java.time.DateTimeException;
import java.time.Instant;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.support.FeedDates;
import jp.mamori.advisory.xml.XmlCursor;

/**
 * One reading of a JVN XML document (JVNRSS or VULDEF): one record element after another, each
 * read into a {@link JvnEntry} and emitted on its own, with the dates (Japan time unless the
 * value says otherwise) and CVSS scores both formats carry read by the same rules.
 */
abstract class JvnXmlRecords {
    protected final XmlCursor x;
    protected final FeedSink sink;
    private final String recordElement;

    /** {@code recordElement}: the element each record is ({@code item}, {@code Vulinfo}); the cursor stands on the root start tag. */
    JvnXmlRecords(XmlCursor x, FeedSink sink, String recordElement) {
        this.x = x;
        this.sink = sink;
        this.recordElement = recordElement;
    }

    final void read() throws FeedFormatException {
        JvnXmlReader.eachRecord(x, sink, recordElement, this::record);
    }

    /** Reads the record the cursor stands on, to its end tag, and emits it. */
    abstract void record() throws FeedFormatException;

    final Instant date(String s) throws FeedFormatException {
        try {
            return FeedDates.parse(s, FeedDates.JST);
        } catch (DateTimeException ex) {
            throw x.error("not a date: '" + s + "'");
        }
    }

    /** A CVSS base score; absent is null, anything but a number is refused. */
    final Double score(String s) throws FeedFormatException {
        if (s == null) return null;
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException ex) {
            throw x.error("CVSS score is not a number: '" + s + "'");
        }
    }
}
