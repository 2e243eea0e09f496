package jp.mamori.inventory.sbom;

import static jp.mamori.inventory.sbom.TestSboms.byName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same product written as CycloneDX 1.4, 1.5 and 1.6, in JSON and XML, reads the same. */
class CycloneDxReadingTest {

    @ParameterizedTest
    @ValueSource(strings = {"cyclonedx-1.4.json", "cyclonedx-1.5.json", "cyclonedx-1.6.json",
            "cyclonedx-1.4.xml", "cyclonedx-1.5.xml", "cyclonedx-1.6.xml"})
    void readsEveryVersionAndEncodingAlike(String file) throws Exception {
        SbomDocument doc = TestSboms.read(file);

        assertThat(doc.format()).isEqualTo("CycloneDX");
        assertThat(doc.specVersion()).isEqualTo(file.substring("cyclonedx-".length(), "cyclonedx-".length() + 3));
        assertThat(doc.serialNumber()).isEqualTo("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
        assertThat(doc.subject().name()).isEqualTo("jyumin-portal");
        assertThat(doc.subject().supplier()).isEqualTo("Example Vendor KK");
        assertThat(doc.components()).extracting(Component::name)
                .containsExactly("log4j-core", "log4j-api", "shaded-util", "commons-text", "vendor-blob");

        Component core = byName(doc, "log4j-core");
        assertThat(core.ref()).isEqualTo("core");
        assertThat(core.group()).isEqualTo("org.apache.logging.log4j");
        assertThat(core.displayName()).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(core.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(core.supplier()).isEqualTo("Apache Software Foundation");
        assertThat(core.hashes()).isEqualTo(Map.of("SHA-256", "a".repeat(64)));
        assertThat(core.licenses()).containsExactly("Apache-2.0");
        assertThat(core.url()).isEqualTo("https://logging.apache.org/log4j/2.x/");
        assertThat(core.type()).isEqualTo("library");
        assertThat(core.idOrigin()).isEqualTo(IdentifierOrigin.DECLARED);
        assertThat(core.parentRef()).isNull();
        assertThat(core.topLevel()).isTrue();

        // nested under log4j-core, and named in the product's own dependsOn: top level all the same
        Component api = byName(doc, "log4j-api");
        assertThat(api.parentRef()).isEqualTo("core");
        assertThat(api.topLevel()).isTrue();
        assertThat(api.hashes()).containsEntry("SHA-1", "c".repeat(40));

        // nested, no bom-ref: kept, with a ref made from its position, and not top level
        Component shaded = byName(doc, "shaded-util");
        assertThat(shaded.parentRef()).isEqualTo("core");
        assertThat(shaded.ref()).isEqualTo("#/components/0/components/1");
        assertThat(shaded.topLevel()).isFalse();
        assertThat(shaded.hasNoIdentifier()).isTrue();

        Component text = byName(doc, "commons-text");
        assertThat(text.cpe()).isEqualTo("cpe:2.3:a:apache:commons_text:1.9:*:*:*:*:*:*:*");
        assertThat(text.purl()).isNull();
        assertThat(text.hasNoIdentifier()).isFalse();
        assertThat(text.supplier()).as("publisher stands in for a missing supplier").isEqualTo("Apache Commons");
        assertThat(text.licenses()).containsExactly("Apache-2.0 OR MIT");

        Component blob = byName(doc, "vendor-blob");
        assertThat(blob.type()).isEqualTo("firmware");
        assertThat(blob.version()).isNull();
        assertThat(blob.hasNoIdentifier()).isTrue();
        assertThat(blob.topLevel()).isTrue();

        assertThat(doc.dependencies()).containsExactlyInAnyOrder(
                new DependencyEdge("app", "core"), new DependencyEdge("app", "text"),
                new DependencyEdge("app", "api"), new DependencyEdge("core", "api"));
        assertThat(doc.warnings()).isEmpty();
    }
}
