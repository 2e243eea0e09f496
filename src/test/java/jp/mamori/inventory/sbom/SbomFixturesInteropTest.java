package jp.mamori.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.mamori.testsupport.SharedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every SBOM among the public samples in ../shared/fixtures/sbom: those Mamori reads yield as many
 * components as the document itself holds (counted here independently, with a plain JSON tree or DOM);
 * the others are refused with a message that says why.
 */
class SbomFixturesInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Files refused on purpose, by path fragment, with the words the refusal must contain. */
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        // CycloneDX specification test vectors that must fail: all are rejected, by the schema or the library's binding
        REFUSED.put("spec-test-vectors/invalid-bomformat", "not valid against the CycloneDX");
        REFUSED.put("spec-test-vectors/invalid-component-type-1.5.json", "/components/0/type");
        REFUSED.put("spec-test-vectors/invalid-component-type-1.6.json", "/components/0/type");
        REFUSED.put("spec-test-vectors/invalid-component-type", "Value 'foo' is not facet-valid");
        REFUSED.put("spec-test-vectors/invalid-dependency", "not valid against the CycloneDX");
        REFUSED.put("spec-test-vectors/invalid-serialnumber", "not valid against the CycloneDX");
        // osv-scanner's sample has "type": "" on metadata.component, which no CycloneDX schema allows
        REFUSED.put("osv-scanner/alpine-zlib-16.cdx.json", "(/metadata/component/type): not valid against the CycloneDX 1.6 schema");
        REFUSED.put("SPDXRdfExample-v2.3.spdx.rdf", "SPDX RDF/XML documents are not supported");
        REFUSED.put("SPDXXMLExample-v2.3.spdx.xml", "SPDX XML documents are not supported");
        REFUSED.put("SPDXYAMLExample-2.3.spdx.yaml", "SPDX YAML documents are not supported");
        REFUSED.put("SPDXJsonLDExample-v3.0.1.json", "JSON-LD (SPDX 3) documents are not supported");
        REFUSED.put("spdx3.0__", "JSON-LD (SPDX 3) documents are not supported");
        // provenance lists that sit beside the samples: CSV, but not vendor tables
        REFUSED.put("dataset-metadata.csv", "no header row found");
    }

    /**
     * Issue 13 defect 4 on the real osv-scanner sample ({@code "type": ""} on metadata.component): read as
     * users get it (lenient), its one component is imported with exactly one warning naming the pointer;
     * strict still refuses it (the REFUSED list above reads strictly).
     */
    @org.junit.jupiter.api.Test
    void theOsvScannerSampleIsAcceptedWithOneWarning() throws Exception {
        Path file = SharedFixtures.require("sbom/cyclonedx/osv-scanner/alpine-zlib-16.cdx.json");
        SbomDocument doc = new SbomReader(SbomLimits.defaults(), CpeSuggester.NONE, Strictness.LENIENT).read(file);
        assertThat(doc.components()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("zlib");
            assertThat(c.purl()).startsWith("pkg:apk/alpine/zlib@1.2.12-r1");
        });
        assertThat(doc.warnings()).singleElement().asString().startsWith("/metadata/component/type: CycloneDX 1.6 スキーマに適合しません");
        System.out.println("ACCEPTED alpine-zlib-16.cdx.json with " + doc.warnings().size() + " warning: " + doc.warnings().get(0));
    }

    /** The specification's invalid vectors read leniently: what binds is accepted with warnings, the rest refused with a reason. */
    @TestFactory
    Stream<DynamicTest> invalidSpecVectorsReadLeniently() throws IOException {
        Path root = SharedFixtures.require("sbom/cyclonedx/spec-test-vectors");
        List<Path> files;
        try (Stream<Path> walk = Files.list(root)) {
            files = walk.filter(p -> p.getFileName().toString().startsWith("invalid-")).sorted().toList();
        }
        SbomReader lenient = new SbomReader(SbomLimits.defaults(), CpeSuggester.NONE, Strictness.LENIENT);
        return files.stream().map(f -> dynamicTest(f.getFileName().toString(), () -> {
            try {
                SbomDocument doc = lenient.read(f);
                assertThat(doc.warnings()).as("accepted only with its problems named").isNotEmpty();
                assertThat(doc.components()).hasSize(independentCount(f));
                System.out.println("ACCEPTED " + f.getFileName() + " with " + doc.warnings().size() + " warning(s): " + doc.warnings().get(0));
            } catch (SbomFormatException e) {
                assertThat(e.getMessage()).startsWith(f.toString()).contains("cannot be read safely");
                System.out.println("REFUSED  " + f.getFileName() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySbomFixture() throws IOException {
        Path root = SharedFixtures.require("sbom");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i).*\\.(md|txt)$"))  // READMEs and licences
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        return files.stream().map(f -> dynamicTest(root.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path file) throws Exception {
        String path = file.toString().replace('\\', '/');
        String refusal = REFUSED.entrySet().stream().filter(e -> path.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (refusal != null) {
            assertThatThrownBy(() -> new SbomReader().read(file))
                    .isInstanceOf(SbomFormatException.class)
                    .hasMessageStartingWith(file.toString())
                    .hasMessageContaining(refusal)
                    .satisfies(e -> System.out.println("REFUSED " + file.getFileName() + ": " + e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        SbomDocument doc = new SbomReader().read(file);
        int expected = independentCount(file);
        System.out.printf("READ    %s: %s %s, %d components (%d top level), %d dependencies, %d warnings%n",
                file.getFileName(), doc.format(), doc.specVersion(), doc.components().size(),
                doc.components().stream().filter(Component::topLevel).count(), doc.dependencies().size(),
                doc.warnings().size());
        assertThat(doc.components()).hasSize(expected);
        assertThat(doc.components()).allSatisfy(c -> {
            assertThat(c.ref()).isNotBlank();
            assertThat(c.name()).as("name of %s", c.ref()).isNotNull();
        });
    }

    /** What the document itself holds, counted without Mamori's readers. */
    private static int independentCount(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("{")) {
            JsonNode tree = JSON.readTree(bytes);
            if (tree.has("bomFormat")) return countJson(tree.path("components"));
            return tree.path("packages").size();
        }
        if (head.startsWith("<")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element bom = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            return countXml(child(bom, "components"));
        }
        return (int) new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("PackageName:")).count();
    }

    private static int countJson(JsonNode components) {
        int n = 0;
        for (JsonNode c : components) n += 1 + countJson(c.path("components"));
        return n;
    }

    private static int countXml(Element components) {
        if (components == null) return 0;
        int n = 0;
        for (Node c = components.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getLocalName().equals("component")) n += 1 + countXml(child(e, "components"));
        }
        return n;
    }

    private static Element child(Element parent, String localName) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }
}
