package jp.mamori.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A 50,000-component SBOM (a large container image or a monorepo) is read in full. Time is printed for
 * the record, never asserted: this machine is shared and unit tests do not measure performance.
 */
class LargeSbomTest {
    static final int COMPONENTS = 50_000;

    @Test
    void readsFiftyThousandCycloneDxComponents() throws Exception {
        byte[] bom = cycloneDx(COMPONENTS);
        long start = System.nanoTime();
        SbomDocument doc = new SbomReader().read(bom, "large.cdx.json");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("CycloneDX 1.6 JSON, %,d components, %,d bytes: read in %,d ms%n", COMPONENTS, bom.length, ms);

        assertThat(doc.components()).hasSize(COMPONENTS);
        assertThat(doc.dependencies()).hasSize(COMPONENTS);
        assertThat(doc.components().get(COMPONENTS - 1).purl()).isEqualTo("pkg:maven/org.example/lib49999@1.0.49999");
        assertThat(doc.components().get(1).parentRef()).isEqualTo("c0");
    }

    @Test
    void readsFiftyThousandSpdxPackages() throws Exception {
        byte[] spdx = spdx(COMPONENTS);
        long start = System.nanoTime();
        SbomDocument doc = new SbomReader().read(spdx, "large.spdx.json");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("SPDX 2.3 JSON, %,d packages, %,d bytes: read in %,d ms%n", COMPONENTS + 1, spdx.length, ms);

        assertThat(doc.components()).hasSize(COMPONENTS + 1);
        assertThat(doc.dependencies()).hasSize(COMPONENTS);
        assertThat(doc.components()).filteredOn(Component::topLevel).hasSize(COMPONENTS);
    }

    /** Every tenth component carries the next nine nested inside it; each depends on the next. */
    static byte[] cycloneDx(int n) {
        StringBuilder sb = new StringBuilder(n * 400);
        sb.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\",")
                .append("\"version\":1,\"metadata\":{\"component\":{\"type\":\"application\",\"bom-ref\":\"root\",\"name\":\"app\",\"version\":\"1\"}},")
                .append("\"components\":[");
        for (int i = 0; i < n; i++) {
            boolean parent = i % 10 == 0;
            if (i > 0 && parent) sb.append("]},");
            else if (i > 0 && (i - 1) % 10 != 0) sb.append(',');  // no comma right after a parent opens its list
            sb.append("{\"type\":\"library\",\"bom-ref\":\"c").append(i).append("\",\"supplier\":{\"name\":\"Example\"},")
                    .append("\"group\":\"org.example\",\"name\":\"lib").append(i).append("\",\"version\":\"1.0.").append(i)
                    .append("\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"").append(String.format("%064x", i))
                    .append("\"}],\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}],\"purl\":\"pkg:maven/org.example/lib")
                    .append(i).append("@1.0.").append(i).append('"');
            sb.append(parent ? ",\"components\":[" : "}");
        }
        sb.append("]}],\"dependencies\":[{\"ref\":\"root\",\"dependsOn\":[\"c0\"]}");
        for (int i = 0; i < n - 1; i++) {
            sb.append(",{\"ref\":\"c").append(i).append("\",\"dependsOn\":[\"c").append(i + 1).append("\"]}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] spdx(int n) {
        StringBuilder sb = new StringBuilder(n * 450);
        sb.append("{\"spdxVersion\":\"SPDX-2.3\",\"dataLicense\":\"CC0-1.0\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":\"large\",")
                .append("\"documentNamespace\":\"https://example.jp/large\",\"documentDescribes\":[\"SPDXRef-root\"],")
                .append("\"packages\":[{\"SPDXID\":\"SPDXRef-root\",\"name\":\"root\",\"downloadLocation\":\"NOASSERTION\"}");
        for (int i = 0; i < n; i++) {
            sb.append(",{\"SPDXID\":\"SPDXRef-p").append(i).append("\",\"name\":\"lib").append(i)
                    .append("\",\"versionInfo\":\"1.0.").append(i).append("\",\"supplier\":\"Organization: Example\",")
                    .append("\"downloadLocation\":\"NOASSERTION\",\"licenseConcluded\":\"Apache-2.0\",")
                    .append("\"checksums\":[{\"algorithm\":\"SHA256\",\"checksumValue\":\"").append(String.format("%064x", i))
                    .append("\"}],\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":\"purl\",")
                    .append("\"referenceLocator\":\"pkg:maven/org.example/lib").append(i).append("@1.0.").append(i).append("\"}]}");
        }
        sb.append("],\"relationships\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"spdxElementId\":\"SPDXRef-root\",\"relationshipType\":\"CONTAINS\",\"relatedSpdxElement\":\"SPDXRef-p")
                    .append(i).append("\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
