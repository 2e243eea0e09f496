package jp.mamori.advisory.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import jp.mamori.advisory.FeedFormatException;

/**
 * The only way feed parsers open XML. Feeds are hostile input (SPEC §8): DTDs and external
 * entities are switched off, and a document that declares a DOCTYPE at all is refused by
 * {@link XmlCursor} rather than silently read without it, so that an XXE attempt is reported
 * instead of half-imported. Element depth is bounded by the cursor as well.
 */
public final class SafeXml {
    /** Deeper than any real feed (VULDEF is about 8 levels, CycloneDX about 15). */
    public static final int MAX_DEPTH = 128;

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() { }

    /**
     * The JDK's own StAX implementation, chosen explicitly: whichever other implementation a
     * library brings onto the classpath (Woodstox comes with CycloneDX) would otherwise win,
     * and the refusal of DOCTYPE was verified against this one.
     */
    public static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    // Not every StAX implementation knows the JAXP 1.5 access properties; the DTD switch above is what counts.
    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // implementation without the property
        }
    }

    /** Opens a cursor over a document; {@code name} is the file name used in error messages. */
    public static XmlCursor open(InputStream in, String name) throws FeedFormatException {
        try {
            return new XmlCursor(FACTORY.createXMLStreamReader(in), name, MAX_DEPTH);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof java.io.IOException io) throw new java.io.UncheckedIOException(io);
            throw XmlCursor.toFeedError(name, e, "");
        }
    }
}
