package jp.mamori.inventory.sbom.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.intake.SafeXml;

/**
 * The gate every XML SBOM passes before any other parser sees it (SPEC §8). One streaming pass with
 * the JDK's own StAX reader (not whichever provider is on the class path): a DOCTYPE anywhere refuses
 * the document, so neither external entities (XXE: reading local files, reaching servers) nor
 * entity expansion ("billion laughs") can happen later in the CycloneDX library; element depth is
 * bounded; well-formedness errors are reported with line, column and element path.
 */
public final class XmlGate {
    private XmlGate() { }

    /** The document element, which tells the format apart (CycloneDX namespace, rdf:RDF, ...). */
    public record Root(String namespace, String localName) { }

    public static Root scan(byte[] bytes, String file, SbomLimits limits) throws SbomFormatException {
        // an encoding declaration that lies is refused, not stored as mojibake (issue 18.10)
        String encoding = jp.mamori.intake.XmlEncoding.problem(bytes);
        if (encoding != null) throw new SbomFormatException(file, null, encoding);
        XMLInputFactory f = SafeXml.inputFactory(false);
        Deque<String> path = new ArrayDeque<>();
        Root root = null;
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new SbomFormatException(file, where(r.getLocation(), path),
                            "DOCTYPE declarations are not accepted (they can make an XML parser read local files"
                                    + " or expand entities without bound); remove the DOCTYPE and send the document again");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new SbomFormatException(file, where(r.getLocation(), path),
                            "entity reference '&" + r.getLocalName() + ";' is not accepted");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root == null) root = new Root(r.getNamespaceURI(), r.getLocalName());
                    path.addLast(r.getLocalName());
                    if (path.size() > limits.maxDepth()) {
                        throw new SbomFormatException(file, where(r.getLocation(), path),
                                "elements are nested deeper than " + limits.maxDepth() + " levels");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.removeLast();
                }
            }
        } catch (XMLStreamException e) {
            throw new SbomFormatException(file, where(e.getLocation(), path), "malformed XML: " + message(e), e);
        } finally {
            close(r);
        }
        if (root == null) throw new SbomFormatException(file, null, "XML document has no root element");
        return root;
    }



    private static String where(Location loc, Deque<String> path) {
        String p = path.isEmpty() ? null : "/" + String.join("/", path);
        return loc == null ? SafeXml.where(-1, -1, p) : SafeXml.where(loc.getLineNumber(), loc.getColumnNumber(), p);
    }

    /** The JDK prefixes its messages with "ParseError at [row,col]:[..]"; the place is reported separately. */
    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + "Message: ".length()).strip() : m.strip();
    }

    private static void close(XMLStreamReader r) {
        if (r == null) return;
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing to release beyond the byte array
        }
    }
}
