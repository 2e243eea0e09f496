package jp.mamori.intake;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The one place XML readers are configured. Every document is hostile input (SPEC §8): DTDs and
 * external entities are off, and the readers built on this refuse a document that declares a
 * DOCTYPE at all, so an XXE or entity-expansion attempt is reported instead of half-read.
 */
public final class SafeXml {
    private SafeXml() { }

    /**
     * The JDK's own StAX implementation, chosen explicitly: whichever other implementation a library
     * brings onto the class path (Woodstox comes with CycloneDX) would otherwise win, and the refusal of
     * DOCTYPE was verified against this one.
     *
     * @param coalescing whether adjacent text is delivered as one event (feeds read text; a structural
     *                   scan does not need to)
     */
    public static XMLInputFactory inputFactory(boolean coalescing) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, coalescing);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /** A schema validator that will not fetch anything named by the document. */
    public static Validator validator(Schema schema) {
        Validator v = schema.newValidator();
        try {
            v.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's schema validator refused secure settings", e);
        }
        return v;
    }

    /** "line 4, column 9, element /bom/components/component"; null when nothing is known. */
    public static String where(int line, int column, String elementPath) {
        StringBuilder sb = new StringBuilder();
        if (line > 0) sb.append("line ").append(line).append(", column ").append(column);
        if (elementPath != null && !elementPath.isEmpty()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append("element ").append(elementPath);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
