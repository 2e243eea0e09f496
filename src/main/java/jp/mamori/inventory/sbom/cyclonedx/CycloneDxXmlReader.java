package jp.mamori.inventory.sbom.cyclonedx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.Strictness;
import jp.mamori.intake.SafeXml;
import jp.mamori.inventory.sbom.xml.XmlGate;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.XmlParser;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * CycloneDX XML. Only called after {@link XmlGate#scan} has passed the document (no DOCTYPE, bounded
 * depth, well-formed), so the library's own XML parsing never meets a hostile construct. Schema
 * problems refuse the document or, read leniently, become warnings naming line and column ({@link Strictness}).
 */
public final class CycloneDxXmlReader {
    static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

    private final Strictness strictness;

    public CycloneDxXmlReader() {
        this(Strictness.STRICT);
    }

    public CycloneDxXmlReader(Strictness strictness) {
        this.strictness = strictness;
    }

    public SbomDocument read(byte[] bytes, String file, String namespace) throws SbomFormatException {
        Version version = version(namespace, file);
        String v = version.getVersionString();
        List<SchemaErrors.Violation> violations = validate(bytes, file, version);
        if (!violations.isEmpty() && strictness == Strictness.STRICT) throw SchemaErrors.reject(file, v, violations);
        Bom bom;
        try {
            bom = new XmlParser().parse(bytes);
        } catch (ParseException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            if (!violations.isEmpty()) {
                throw SchemaErrors.unreadable(file, v, violations, null, "コンポーネントを読み取れません", "components cannot be read: " + msg);
            }
            throw new SbomFormatException(file, null, "not a readable CycloneDX document: " + msg, e);
        }
        // a lenient read needs a list of components: importing a document without one would close every finding of the asset
        if (!violations.isEmpty() && bom.getComponents() == null) {
            throw SchemaErrors.unreadable(file, v, violations, "element /bom/components", "components 要素がありません", "no components element");
        }
        return BomMapper.map(bom, v, file, new ArrayList<>(SchemaErrors.warnings(v, violations)));
    }

    private static Version version(String namespace, String file) throws SbomFormatException {
        Version v = namespace != null && namespace.startsWith(NAMESPACE_PREFIX)
                ? Version.fromVersionString(namespace.substring(NAMESPACE_PREFIX.length())) : null;
        if (v == null) {
            throw new SbomFormatException(file, "element /bom", "CycloneDX namespace '" + namespace
                    + "' is not a supported version (1.0 to 1.6 are)");
        }
        return v;
    }

    /** Every schema problem of the document, with its line and column. */
    private static List<SchemaErrors.Violation> validate(byte[] bytes, String file, Version version) throws SbomFormatException {
        List<SchemaErrors.Violation> violations = new ArrayList<>();
        Validator validator = SafeXml.validator(CycloneDxSchemas.xml(version));
        validator.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { violations.add(violation(e)); }
            @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            violations.add(violation(e));
        } catch (SAXException | IOException e) {
            throw new SbomFormatException(file, null, "XML schema validation failed: " + e.getMessage(), e);
        }
        return violations;
    }

    private static SchemaErrors.Violation violation(SAXParseException e) {
        return new SchemaErrors.Violation(SafeXml.where(e.getLineNumber(), e.getColumnNumber(), null), e.getMessage());
    }
}
