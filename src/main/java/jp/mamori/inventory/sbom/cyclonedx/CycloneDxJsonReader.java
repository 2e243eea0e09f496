package jp.mamori.inventory.sbom.cyclonedx;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.inventory.sbom.json.JsonInput;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;

/**
 * CycloneDX JSON: read once into a tree (depth-bounded), validate that tree with the library's schema
 * for the document's own specVersion, then let the library bind it to its model.
 *
 * <p>The library's {@code validate(byte[])} is not used: it validates against the newest schema unless
 * told the version, and re-serialises and re-parses the tree, which tripled the time for a
 * 50,000-component BOM (see docs/adr/0006-cyclonedx-parsing.md).
 */
public final class CycloneDxJsonReader {
    private static final ObjectMapper BINDER = new ObjectMapper();  // what the library's JsonParser itself uses

    private final SbomLimits limits;

    public CycloneDxJsonReader(SbomLimits limits) {
        this.limits = limits;
    }

    public SbomDocument read(byte[] bytes, String file) throws SbomFormatException {
        JsonNode tree = JsonInput.readTree(bytes, file, limits);
        if (tree == null || !tree.isObject()) throw new SbomFormatException(file, null, "expected a JSON object");
        Version version = version(tree, file);

        List<String> warnings = new ArrayList<>();
        List<SchemaErrors.Violation> violations = new ArrayList<>();
        for (Error e : CycloneDxSchemas.json(version).validate(tree)) {
            String place = pointer(e.getInstanceLocation());
            // JSON Schema makes "format" an optional assertion; real generators write URLs that are not
            // strict RFC 3987 IRIs. Those fields are informational for Mamori, so this does not reject.
            if ("format".equals(e.getKeyword())) warnings.add("schema format check at " + place + ": " + e.getMessage());
            else violations.add(new SchemaErrors.Violation(place, e.getMessage()));
        }
        if (!violations.isEmpty()) throw SchemaErrors.reject(file, version.getVersionString(), violations);

        Bom bom;
        try {
            bom = BINDER.treeToValue(tree, Bom.class);
        } catch (JacksonException e) {
            throw new SbomFormatException(file, JsonInput.place(e), "not a readable CycloneDX document: "
                    + e.getOriginalMessage(), e);
        }
        return BomMapper.map(bom, version.getVersionString(), file, warnings);
    }

    private static Version version(JsonNode tree, String file) throws SbomFormatException {
        JsonNode sv = tree.get("specVersion");
        if (sv == null || !sv.isTextual()) {
            throw new SbomFormatException(file, "/specVersion", "CycloneDX document without a specVersion");
        }
        Version v = Version.fromVersionString(sv.asText());
        if (v == null || v.getVersion() < 1.2) {
            throw new SbomFormatException(file, "/specVersion", "CycloneDX JSON specVersion '" + sv.asText()
                    + "' is not supported (1.2 to 1.6 are)");
        }
        return v;
    }

    /** networknt paths ("$.components[0].type") as JSON pointers ("/components/0/type"), as SPEC §8 asks. */
    static String pointer(NodePath path) {
        if (path == null || path.getNameCount() == 0) return "/";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }
}
