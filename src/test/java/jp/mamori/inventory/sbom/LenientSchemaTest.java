package jp.mamori.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 defect 4: an SBOM with small schema problems is read with a warning per problem naming its
 * place; what cannot be read safely is refused as before; strict refuses any schema problem.
 */
class LenientSchemaTest {
    private final SbomReader lenient = new SbomReader(SbomLimits.defaults(), CpeSuggester.NONE, Strictness.LENIENT);
    private final SbomReader strict = new SbomReader(SbomLimits.defaults(), CpeSuggester.NONE, Strictness.STRICT);

    @Test
    void anOsvScannerStyleSbomWithAnEmptySubjectTypeIsReadWithOneWarningNamingThePointer() throws Exception {
        SbomDocument doc = lenient.read(TestSboms.bytes("osv-scanner-style.cdx.json"), "osv.cdx.json");
        assertThat(doc.format()).isEqualTo("CycloneDX");
        assertThat(doc.specVersion()).isEqualTo("1.6");
        assertThat(doc.components()).extracting(Component::name).containsExactly("openssl", "busybox");
        assertThat(doc.components()).extracting(Component::purl)
                .containsExactly("pkg:apk/alpine/openssl@3.0.1-r0?arch=x86_64", "pkg:apk/alpine/busybox@1.35.0-r29?arch=x86_64");
        assertThat(doc.warnings()).singleElement().asString()
                .startsWith("/metadata/component/type: CycloneDX 1.6 スキーマに適合しません / not valid against the CycloneDX 1.6 schema: ");
        assertThat(doc.subject().type()).as("an empty type is no type").isNull();
    }

    @Test
    void strictRefusesTheSameDocumentAsBefore() {
        assertThatThrownBy(() -> strict.read(TestSboms.bytes("osv-scanner-style.cdx.json"), "osv.cdx.json"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("osv.cdx.json (/metadata/component/type): not valid against the CycloneDX 1.6 schema (1 problem)");
        assertThatThrownBy(() -> new SbomReader().read(TestSboms.bytes("osv-scanner-style.cdx.json"), "x.json"))
                .as("a reader built without a strictness is strict, as before").hasMessageContaining("(/metadata/component/type)");
    }

    @Test
    void aComponentWithAnUnknownTypeIsKeptWithoutItsTypeAndTheWarningNamesIt() throws Exception {
        SbomDocument doc = lenient.read(TestSboms.bytes("schema-invalid.json"), "schema-invalid.json");
        assertThat(doc.components()).extracting(Component::name).containsExactly("ok", "bad-type");
        assertThat(doc.components()).extracting(Component::type).containsExactly("library", null);
        assertThat(doc.warnings()).singleElement().asString().startsWith("/components/1/type: CycloneDX 1.5 スキーマに適合しません");
    }

    @Test
    void everyProblemIsAWarningEachWithItsPointer() throws Exception {
        String json = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
                + "\"metadata\":{\"component\":{\"type\":\"\",\"name\":\"x\"}},"
                + "\"components\":[{\"type\":\"library\",\"name\":\"a\",\"version\":\"1\"},{\"type\":\"gizmo\",\"name\":\"b\"},{\"type\":\"\",\"name\":\"c\"}]}";
        SbomDocument doc = lenient.read(json.getBytes(StandardCharsets.UTF_8), "three.json");
        assertThat(doc.components()).hasSize(3);
        assertThat(doc.warnings()).hasSize(3);
        assertThat(doc.warnings()).anySatisfy(w -> assertThat(w).startsWith("/metadata/component/type: "))
                .anySatisfy(w -> assertThat(w).startsWith("/components/1/type: "))
                .anySatisfy(w -> assertThat(w).startsWith("/components/2/type: "));
    }

    @Test
    void aDocumentWithSchemaProblemsAndNoComponentsArrayIsRefused() {
        String json = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"metadata\":{\"component\":{\"type\":\"\",\"name\":\"x\"}}}";
        assertThatThrownBy(() -> lenient.read(json.getBytes(StandardCharsets.UTF_8), "nocomp.json"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("nocomp.json (/components): 安全に読めないため受け付けません（components の配列がありません） / "
                        + "cannot be read safely (no components array); not valid against the CycloneDX 1.6 schema (1 problem)");
        String notArray = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":{\"name\":\"a\"}}";
        assertThatThrownBy(() -> lenient.read(notArray.getBytes(StandardCharsets.UTF_8), "obj.json"))
                .hasMessageContaining("(no components array)");
        String notObjects = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[\"openssl\"]}";
        assertThatThrownBy(() -> lenient.read(notObjects.getBytes(StandardCharsets.UTF_8), "strings.json"))
                .hasMessageStartingWith("strings.json (/components/0): ").hasMessageContaining("(a component is not an object)");
    }

    @Test
    void malformedHostileAndOversizedDocumentsAreStillRefused() {
        assertThatThrownBy(() -> lenient.read(TestSboms.bytes("malformed.json"), "malformed.json"))
                .hasMessageStartingWith("malformed.json (line 5, column 37, /components/0/name): malformed JSON:");
        assertThatThrownBy(() -> lenient.read(TestSboms.bytes("xxe.xml"), "xxe.xml"))
                .hasMessageContaining("DOCTYPE declarations are not accepted").hasMessageNotContaining("root:");
        assertThatThrownBy(() -> lenient.read(TestSboms.bytes("billion-laughs.xml"), "bl.xml"))
                .hasMessageContaining("DOCTYPE declarations are not accepted");
        String deep = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[],\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> lenient.read(deep.getBytes(StandardCharsets.UTF_8), "deep.json")).hasMessageContaining("nesting depth");
        SbomReader small = new SbomReader(new SbomLimits(100, 100), CpeSuggester.NONE, Strictness.LENIENT);
        assertThatThrownBy(() -> small.read(TestSboms.bytes("osv-scanner-style.cdx.json"), "big.json"))
                .hasMessageContaining("SBOMs larger than 100 bytes are not accepted");
    }

    @Test
    void anXmlSchemaProblemIsAWarningNamingLineAndColumn() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\">\n<components>\n"
                + "<component type=\"library\"><name>zlib</name><version>1.2.13</version><colour>blue</colour></component>\n"
                + "</components></bom>";
        SbomDocument doc = lenient.read(xml.getBytes(StandardCharsets.UTF_8), "extra.cdx.xml");
        assertThat(doc.components()).extracting(Component::name).containsExactly("zlib");
        assertThat(doc.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w).startsWith("line 4, column "));
        assertThatThrownBy(() -> strict.read(xml.getBytes(StandardCharsets.UTF_8), "extra.cdx.xml"))
                .hasMessageStartingWith("extra.cdx.xml (line 4, column ").hasMessageContaining("not valid against the CycloneDX 1.5 schema");
    }
}
