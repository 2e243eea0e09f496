package jp.mamori.inventory.sbom.cyclonedx;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.inventory.sbom.SbomWarning;
import jp.mamori.inventory.sbom.Strictness;
import jp.mamori.inventory.sbom.json.JsonInput;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;

/**
 * CycloneDX JSON: read once into a tree (depth-bounded), validate that tree with the library's schema
 * for the document's own specVersion, then let the library bind it to its model. Schema problems refuse
 * the document or, read leniently, become warnings naming their JSON pointer ({@link Strictness}).
 *
 * <p>The library's {@code validate(byte[])} is not used: it validates against the newest schema unless
 * told the version, and re-serialises and re-parses the tree, which tripled the time for a
 * 50,000-component BOM (see docs/adr/0006-cyclonedx-parsing.md).
 */
public final class CycloneDxJsonReader {
    private static final ObjectMapper BINDER = new ObjectMapper();  // what the library's JsonParser itself uses
    /**
     * For a lenient read of a document with schema problems: a value outside an enumeration ("type": ""
     * as osv-scanner writes it, "type": "foo") binds as absent instead of failing the whole document.
     * The problem itself is already a warning naming its pointer.
     */
    private static final ObjectMapper LENIENT_BINDER = lenientBinder();

    private final SbomLimits limits;
    private final Strictness strictness;

    public CycloneDxJsonReader(SbomLimits limits) {
        this(limits, Strictness.STRICT);
    }

    public CycloneDxJsonReader(SbomLimits limits, Strictness strictness) {
        this.limits = limits;
        this.strictness = strictness;
    }

    private static ObjectMapper lenientBinder() {
        ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        m.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        return m;
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
            if ("format".equals(e.getKeyword())) {
                warnings.add(SbomWarning.text(place, "値がスキーマの書式（format）検査に適合しません",
                        "the value fails the schema's format check: " + e.getMessage()));
            } else {
                violations.add(new SchemaErrors.Violation(place, e.getMessage()));
            }
        }
        String v = version.getVersionString();
        if (!violations.isEmpty()) {
            if (strictness == Strictness.STRICT) throw SchemaErrors.reject(file, v, violations);
            // Read safely or not at all: without a list of components there is nothing to check, and
            // importing such a document would close every finding of the asset.
            JsonNode components = tree.get("components");
            if (components == null || !components.isArray()) {
                throw SchemaErrors.unreadable(file, v, violations, "/components", "components の配列がありません",
                        "no components array");
            }
            for (int i = 0; i < components.size(); i++) {
                if (!components.get(i).isObject()) {
                    throw SchemaErrors.unreadable(file, v, violations, "/components/" + i, "コンポーネントがオブジェクトではありません",
                            "a component is not an object");
                }
            }
        }

        Bom bom;
        try {
            bom = (violations.isEmpty() ? BINDER : LENIENT_BINDER).treeToValue(tree, Bom.class);
        } catch (JacksonException e) {
            if (!violations.isEmpty()) {
                throw SchemaErrors.unreadable(file, v, violations, JsonInput.place(e), "コンポーネントを読み取れません",
                        "components cannot be read: " + e.getOriginalMessage());
            }
            throw new SbomFormatException(file, JsonInput.place(e), "not a readable CycloneDX document: "
                    + e.getOriginalMessage(), e);
        }
        warnings.addAll(0, SchemaErrors.warnings(v, violations));
        return BomMapper.map(bom, v, file, warnings);
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
