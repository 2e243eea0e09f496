package jp.mamori.advisory.jvn;

import javax.xml.stream.XMLStreamConstants;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.xml.XmlCursor;

/** MyJVN "HND" XML: picks the reader by root element (JVNRSS {@code rdf:RDF} or {@code VULDEF-Document}). */
final class JvnXmlReader {
    private JvnXmlReader() { }

    /** Reads one record element; the cursor stands on its start tag. */
    @FunctionalInterface
    interface RecordReader {
        void read() throws FeedFormatException;
    }

    /**
     * Walks the children of the root: each {@code record} element is handed to {@code reader}, the
     * MyJVN {@code Status} block feeds the paging meta, everything else is skipped. Both HND formats
     * (JVNRSS and VULDEF) are laid out this way.
     */
    static void eachRecord(XmlCursor x, FeedSink sink, String record, RecordReader reader) throws FeedFormatException {
        while (true) {
            int ev = x.nextTag();
            if (ev == XMLStreamConstants.END_DOCUMENT) return;
            if (ev != XMLStreamConstants.START_ELEMENT || x.depth() != 2) continue;
            if (x.isStart(record)) {
                reader.read();
            } else if (x.isStart("Status")) {
                MyJvnStatus.apply(x::attr, sink, x::error);
                x.skip();
            } else {
                x.skip();
            }
        }
    }

    static void read(XmlCursor x, FeedSink sink) throws FeedFormatException {
        if (x.nextTag() != XMLStreamConstants.START_ELEMENT) throw x.error("empty XML document");
        switch (x.local()) {
            case "RDF" -> new JvnRssReader(x, sink).read();
            case "VULDEF-Document" -> new VuldefReader(x, sink).read();
            default -> throw x.error("not a JVN vulnerability document: root element <" + x.local()
                    + "> (expected JVNRSS rdf:RDF or VULDEF-Document; MyJVN vendor/product lists, statistics"
                    + " and alerts hold no vulnerability records)");
        }
    }
}
