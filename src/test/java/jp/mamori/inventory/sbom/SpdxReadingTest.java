package jp.mamori.inventory.sbom;

import static jp.mamori.inventory.sbom.TestSboms.byName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same SPDX 2.3 document in JSON and in tag-value reads the same. */
class SpdxReadingTest {

    @ParameterizedTest
    @ValueSource(strings = {"spdx-2.3.spdx.json", "spdx-2.3.spdx"})
    void readsJsonAndTagValueAlike(String file) throws Exception {
        SbomDocument doc = TestSboms.read(file);

        assertThat(doc.format()).isEqualTo("SPDX");
        assertThat(doc.specVersion()).isEqualTo("2.3");
        assertThat(doc.name()).isEqualTo("jyumin-portal-3.2.0");
        assertThat(doc.serialNumber()).isEqualTo("https://example.jp/spdx/jyumin-portal-3.2.0");
        assertThat(doc.components()).extracting(Component::name)
                .containsExactly("jyumin-portal", "log4j-core", "log4j-api", "commons-text", "vendor-blob");

        Component app = byName(doc, "jyumin-portal");
        assertThat(doc.subject()).isEqualTo(app);
        assertThat(app.supplier()).as("'Organization:' and the e-mail address dropped").isEqualTo("Example Vendor KK");
        assertThat(app.type()).isEqualTo("application");
        assertThat(app.topLevel()).as("the product itself is not one of its own components").isFalse();
        assertThat(app.licenses()).as("NOASSERTION is no licence").isEmpty();

        Component core = byName(doc, "log4j-core");
        assertThat(core.ref()).isEqualTo("SPDXRef-core");
        assertThat(core.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(core.cpe()).isEqualTo("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*");
        assertThat(core.hashes()).as("SPDX 'SHA256' in CycloneDX spelling, hex in lower case")
                .isEqualTo(Map.of("SHA-256", "a".repeat(64)));
        assertThat(core.licenses()).containsExactly("Apache-2.0");
        assertThat(core.url()).isEqualTo("https://logging.apache.org/log4j/2.x/");
        assertThat(core.topLevel()).isTrue();

        Component api = byName(doc, "log4j-api");
        assertThat(api.topLevel()).as("a dependency of a dependency").isFalse();
        assertThat(api.licenses()).containsExactly("Apache-2.0");
        assertThat(api.hashes()).containsEntry("SHA-1", "c".repeat(40));

        Component text = byName(doc, "commons-text");
        assertThat(text.topLevel()).as("RUNTIME_DEPENDENCY_OF the product").isTrue();
        assertThat(text.supplier()).as("originator when the supplier is NOASSERTION").isEqualTo("Apache Commons");
        assertThat(text.cpe()).isEqualTo("cpe:/a:apache:commons_text:1.9");
        assertThat(text.url()).as("NONE is no URL").isNull();

        Component blob = byName(doc, "vendor-blob");
        assertThat(blob.hasNoIdentifier()).isTrue();
        assertThat(blob.version()).isNull();
        assertThat(blob.topLevel()).isTrue();

        assertThat(doc.dependencies()).containsExactlyInAnyOrder(
                new DependencyEdge("SPDXRef-app", "SPDXRef-core"), new DependencyEdge("SPDXRef-core", "SPDXRef-api"),
                new DependencyEdge("SPDXRef-app", "SPDXRef-text"), new DependencyEdge("SPDXRef-app", "SPDXRef-blob"));
    }

    @Test
    void linksAndPrerequisitesAreDependenciesToo() throws Exception {
        String json = """
                {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "links",
                 "packages": [{"SPDXID": "SPDXRef-app", "name": "app"}, {"SPDXID": "SPDXRef-so", "name": "libssl.so"},
                              {"SPDXID": "SPDXRef-a", "name": "static.a"}, {"SPDXID": "SPDXRef-jre", "name": "jre"}],
                 "relationships": [
                   {"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-app"},
                   {"spdxElementId": "SPDXRef-app", "relationshipType": "DYNAMIC_LINK", "relatedSpdxElement": "SPDXRef-so"},
                   {"spdxElementId": "SPDXRef-app", "relationshipType": "STATIC_LINK", "relatedSpdxElement": "SPDXRef-a"},
                   {"spdxElementId": "SPDXRef-jre", "relationshipType": "PREREQUISITE_FOR", "relatedSpdxElement": "SPDXRef-app"},
                   {"spdxElementId": "SPDXRef-app", "relationshipType": "COPY_OF", "relatedSpdxElement": "DocumentRef-x:SPDXRef-y"}]}
                """;
        SbomDocument doc = new SbomReader().read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "links.spdx.json");
        assertThat(doc.dependencies()).containsExactly(new DependencyEdge("SPDXRef-app", "SPDXRef-so"),
                new DependencyEdge("SPDXRef-app", "SPDXRef-a"), new DependencyEdge("SPDXRef-app", "SPDXRef-jre"));
        assertThat(doc.components()).filteredOn(Component::topLevel).extracting(Component::name)
                .containsExactly("libssl.so", "static.a", "jre");
    }

    @Test
    void withoutDescribesTheRootsAreTopLevel() throws Exception {
        String tv = "SPDXVersion: SPDX-2.2\nSPDXID: SPDXRef-DOCUMENT\n"
                + "PackageName: image\nSPDXID: SPDXRef-image\n"
                + "PackageName: busybox\nSPDXID: SPDXRef-bb\n"
                + "PackageName: loose\nSPDXID: SPDXRef-loose\n"
                + "Relationship: SPDXRef-image CONTAINS SPDXRef-bb\n";
        SbomDocument doc = new SbomReader().read(tv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "old.spdx");
        assertThat(doc.subject()).isNull();
        assertThat(doc.specVersion()).isEqualTo("2.2");
        assertThat(doc.components()).filteredOn(Component::topLevel).extracting(Component::name)
                .containsExactly("image", "loose");
    }
}
