package jp.mamori.advisory.jvn;

import javax.xml.stream.XMLStreamConstants;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.xml.XmlCursor;

/** MyJVN "HND" XML: picks the reader by root element (JVNRSS {@code rdf:RDF} or {@code VULDEF-Document}). */
final class JvnXmlReader {
    private JvnXmlReader() { }

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
