package jp.mamori.advisory.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.mamori.advisory.FeedFormatException;

/**
 * A StAX reader that knows where it is: every error names the file, line:column and the
 * element path (e.g. {@code /rdf:RDF/item/sec:cvss}). It refuses DOCTYPE declarations and
 * documents nested deeper than the bound, so parsers built on it inherit both guards.
 */
public final class XmlCursor implements AutoCloseable {
    /** Deeper than any real feed (VULDEF is about 8 levels, CycloneDX about 15). */
    public static final int MAX_DEPTH = 128;

    private static final javax.xml.stream.XMLInputFactory FACTORY = jp.mamori.intake.SafeXml.inputFactory(true);

    /**
     * Opens a cursor over a feed document, the only way feed parsers read XML ({@link jp.mamori.intake.SafeXml}
     * hardens the reader; the cursor refuses a DOCTYPE and bounds the depth). {@code name} is the file
     * name used in error messages.
     */
    public static XmlCursor open(java.io.InputStream in, String name) throws jp.mamori.advisory.FeedFormatException {
        try {
            // an encoding declaration that lies is refused, not read as mojibake (issue 18.10)
            return new XmlCursor(FACTORY.createXMLStreamReader(jp.mamori.intake.XmlEncoding.guard(in)), name, MAX_DEPTH);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (javax.xml.stream.XMLStreamException e) {
            if (e.getNestedException() instanceof java.io.IOException io) throw new java.io.UncheckedIOException(io);
            throw toFeedError(name, e, "");
        }
    }

    private final XMLStreamReader reader;
    private final String name;
    private final int maxDepth;
    private final List<String> path = new ArrayList<>();

    XmlCursor(XMLStreamReader reader, String name, int maxDepth) {
        this.reader = reader;
        this.name = name;
        this.maxDepth = maxDepth;
    }

    public XMLStreamReader reader() { return reader; }

    public String name() { return name; }

    public int depth() { return path.size(); }

    /** Advances to the next start or end element; returns END_DOCUMENT at the end. */
    public int nextTag() throws FeedFormatException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
        }
    }

    /** Advances one event, keeping the element path and refusing DOCTYPE and excessive depth. */
    public int next() throws FeedFormatException {
        if (!path.isEmpty() && reader.getEventType() == XMLStreamConstants.END_ELEMENT) {
            path.remove(path.size() - 1);
        }
        int event;
        try {
            if (!reader.hasNext()) return XMLStreamConstants.END_DOCUMENT;
            event = reader.next();
        } catch (XMLStreamException e) {
            // Bytes that could not be read are an I/O failure, not a malformed document.
            if (e.getNestedException() instanceof java.io.IOException io) throw new java.io.UncheckedIOException(io);
            throw toFeedError(name, e, pathString());
        }
        if (event == XMLStreamConstants.DTD) {
            throw error("DOCTYPE declarations are not allowed (DTDs and external entities are refused)");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
            path.add(qualified());
            if (path.size() > maxDepth) {
                throw error("elements nested deeper than " + maxDepth + " levels");
            }
        }
        return event;
    }

    /** Local name of the current start/end element. */
    public String local() { return reader.getLocalName(); }

    public String namespace() { return reader.getNamespaceURI(); }

    public boolean isStart() { return reader.getEventType() == XMLStreamConstants.START_ELEMENT; }

    public boolean isStart(String localName) { return isStart() && localName.equals(reader.getLocalName()); }

    public boolean isEnd(String localName) {
        return reader.getEventType() == XMLStreamConstants.END_ELEMENT && localName.equals(reader.getLocalName());
    }

    /** Attribute by local name, ignoring the namespace; null when absent. */
    public String attr(String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (localName.equals(reader.getAttributeLocalName(i))) return reader.getAttributeValue(i);
        }
        return null;
    }

    /**
     * Reads the text of the current element (including the text of any child elements) and
     * leaves the cursor on its end tag. Returns the trimmed text, or null when empty.
     */
    public String text() throws FeedFormatException {
        int startDepth = path.size();
        StringBuilder sb = new StringBuilder();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                sb.append(reader.getText());
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error("undeclared entity reference &" + reader.getLocalName() + ";");
            } else if (event == XMLStreamConstants.END_ELEMENT && path.size() == startDepth) {
                break;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error("document ended inside an element");
            }
        }
        String s = sb.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** Skips the current element and its children, leaving the cursor on its end tag. */
    public void skip() throws FeedFormatException {
        int startDepth = path.size();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.END_ELEMENT && path.size() == startDepth) return;
            if (event == XMLStreamConstants.END_DOCUMENT) throw error("document ended inside an element");
        }
    }

    public String pathString() {
        return path.isEmpty() ? "/" : "/" + String.join("/", path);
    }

    public String location() {
        Location l = reader.getLocation();
        return "line " + l.getLineNumber() + ":" + l.getColumnNumber() + " at " + pathString();
    }

    public FeedFormatException error(String message) {
        return new FeedFormatException(name, location(), message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // closing never loses data of a stream we only read
        }
    }

    private String qualified() {
        String prefix = reader.getPrefix();
        return prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    }

    static FeedFormatException toFeedError(String name, XMLStreamException e, String path) {
        Location l = e.getLocation();
        String where = (l == null ? "" : "line " + l.getLineNumber() + ":" + l.getColumnNumber() + " at ")
                + (path.isEmpty() ? "/" : path);
        return new FeedFormatException(name, where, "malformed XML: " + cleanMessage(e), e);
    }

    // StAX messages repeat the position ("ParseError at [row,col]:[x,y]\nMessage: ..." in the JDK,
    // "...\n at [row,col {unknown-source}]: [x,y]" in Woodstox); the location is already in ours.
    private static String cleanMessage(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        if (i >= 0) m = m.substring(i + "Message: ".length());
        int at = m.indexOf("\n at [row,col");
        if (at >= 0) m = m.substring(0, at);
        return m.trim();
    }
}
