package jp.mamori.inventory.sbom.cyclonedx;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.xml.sax.SAXException;

/**
 * The CycloneDX library's own schemas (JSON Schema and XSD, shipped in its jar, resolved offline),
 * loaded once per spec version: loading one takes about as long as validating a thousand components.
 * Both kinds of compiled schema are safe to share between threads.
 */
final class CycloneDxSchemas {
    private static final Map<Version, com.networknt.schema.Schema> JSON = new ConcurrentHashMap<>();
    private static final Map<Version, javax.xml.validation.Schema> XML = new ConcurrentHashMap<>();

    private CycloneDxSchemas() { }

    static com.networknt.schema.Schema json(Version v) {
        return JSON.computeIfAbsent(v, version -> {
            try {
                return new JsonParser().getJsonSchema(version, new ObjectMapper());
            } catch (IOException e) {
                throw new UncheckedIOException("CycloneDX " + version.getVersionString() + " JSON schema not loadable", e);
            }
        });
    }

    static javax.xml.validation.Schema xml(Version v) {
        return XML.computeIfAbsent(v, version -> {
            try {
                return new XmlParser().getXmlSchema(version);
            } catch (SAXException e) {
                throw new IllegalStateException("CycloneDX " + version.getVersionString() + " XSD not loadable", e);
            }
        });
    }
}
