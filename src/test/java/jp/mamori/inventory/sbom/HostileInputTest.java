package jp.mamori.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §8: hostile, huge and broken files are refused with the file and the place named. */
class HostileInputTest {
    private final SbomReader reader = new SbomReader();

    /** Issue 18.9: a vendor table or SBOM of more than {@link SbomLimits#MAX_COMPONENTS} components is refused, naming the count. */
    @Test
    void moreComponentsThanTheCapAreRefused() {
        StringBuilder csv = new StringBuilder("supplier,component,version,url\n");
        for (int i = 0; i <= SbomLimits.MAX_COMPONENTS; i++) csv.append("甲社,lib").append(i).append(",1.0.").append(i).append(",\n");
        assertThatThrownBy(() -> reader.read(csv.toString().getBytes(StandardCharsets.UTF_8), "huge.csv"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageContaining("huge.csv")
                .hasMessageContaining("too many components (" + (SbomLimits.MAX_COMPONENTS + 1));
        StringBuilder json = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [");
        for (int i = 0; i <= SbomLimits.MAX_COMPONENTS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\": \"library\", \"name\": \"c").append(i).append("\", \"version\": \"1\"}");
        }
        assertThatThrownBy(() -> reader.read(json.append("]}").toString().getBytes(StandardCharsets.UTF_8), "huge.cdx.json"))
                .isInstanceOf(SbomFormatException.class).hasMessageContaining("上限 " + SbomLimits.MAX_COMPONENTS);
    }

    @Test
    void xxeIsRefusedBeforeAnyEntityIsResolved() {
        assertThatThrownBy(() -> TestSboms.read("xxe.xml"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("xxe.xml (line ")
                .hasMessageContaining("DOCTYPE declarations are not accepted")
                .hasMessageNotContaining("root:");  // /etc/passwd's first line
    }

    @Test
    void externalDtdIsNeverRead(@TempDir Path dir) throws IOException {
        // Were the DTD read, its garbage would produce a DTD syntax error instead of the refusal,
        // and the secret would be in reach of the entity.
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "THIS IS NOT A DTD <!ENTITY");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET-4711");
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE bom SYSTEM \"" + dtd.toUri() + "\" [\n"
                + "<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\"><components>"
                + "<component type=\"library\"><name>&s;</name></component></components></bom>";
        assertThatThrownBy(() -> reader.read(doc.getBytes(StandardCharsets.UTF_8), "external-dtd.xml"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageContaining("DOCTYPE declarations are not accepted")
                .hasMessageNotContaining("TOPSECRET")
                .hasMessageNotContaining("THIS IS NOT");
    }

    @Test
    void entityExpansionIsRefused() {
        assertThatThrownBy(() -> TestSboms.read("billion-laughs.xml"))
                .hasMessageContaining("DOCTYPE declarations are not accepted");
    }

    @Test
    void malformedJsonNamesLineColumnAndPointer() {
        // line 5 is {"type": "library", "name": "a" "version": "1"} — a comma is missing after "a"
        assertThatThrownBy(() -> TestSboms.read("malformed.json"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("malformed.json (line 5, column 37, /components/0/name): malformed JSON:");
    }

    @Test
    void malformedXmlNamesLineColumnAndElement() {
        assertThatThrownBy(() -> TestSboms.read("malformed.xml"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("malformed.xml (line 6, column ")
                .hasMessageContaining("element /bom/components/component")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void schemaViolationNamesTheJsonPointer() {
        assertThatThrownBy(() -> TestSboms.read("schema-invalid.json"))
                .hasMessageStartingWith("schema-invalid.json (/components/1/type): not valid against the CycloneDX 1.5 schema");
    }

    @Test
    void jsonNestingIsBounded() {
        String deep = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> reader.read(deep.getBytes(StandardCharsets.UTF_8), "deep.json"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageContaining("deep.json (line 1")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void xmlNestingIsBounded() {
        String deep = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">" + "<a>".repeat(500) + "</a>".repeat(500) + "</bom>";
        assertThatThrownBy(() -> reader.read(deep.getBytes(StandardCharsets.UTF_8), "deep.xml"))
                .hasMessageContaining("nested deeper than 100 levels");
    }

    @Test
    void sizeIsBoundedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = Files.write(dir.resolve("big.json"), new byte[2048]);
        SbomReader small = new SbomReader(new SbomLimits(1024, 100), null);
        assertThatThrownBy(() -> small.read(big))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageContaining("the file is 2048 bytes; SBOMs larger than 1024 bytes are not accepted");
        assertThatThrownBy(() -> small.read(new byte[1025], "mem.json"))
                .hasMessageContaining("larger than 1024 bytes");
        assertThat(SbomLimits.defaults().maxBytes()).isEqualTo(200L * 1024 * 1024);
    }

    @Test
    void missingAndEmptyFilesAreNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.json"))).hasMessageContaining("nope.json: ファイルがありません / file does not exist");
        Path empty = Files.createFile(dir.resolve("empty.json"));
        assertThatThrownBy(() -> reader.read(empty)).hasMessageContaining("empty.json: ファイルが空です / the file is empty");
    }

    @Test
    void unterminatedTagValueTextNamesItsLine() {
        String tv = "SPDXVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\nDocumentComment: <text>never closed\nmore\n";
        assertThatThrownBy(() -> reader.read(tv.getBytes(StandardCharsets.UTF_8), "open.spdx"))
                .hasMessage("open.spdx (line 3): <text> is never closed by </text>");
    }

    @Test
    void spdxPackageWithoutIdIsNamedByPointer() {
        String json = "{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[{\"SPDXID\":\"SPDXRef-a\",\"name\":\"a\"},{\"name\":\"b\"}]}";
        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8), "noid.spdx.json"))
                .hasMessage("noid.spdx.json (/packages/1/SPDXID): required field is missing");
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        String json = "{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[{\"SPDXID\":\"SPDXRef-a\",\"name\":\"a\",\"name\":\"b\"}]}";
        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8), "dup.spdx.json"))
                .hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void duplicateRefsAreRefused() {
        String json = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":["
                + "{\"type\":\"library\",\"bom-ref\":\"x\",\"name\":\"a\"},{\"type\":\"library\",\"bom-ref\":\"x\",\"name\":\"b\"}]}";
        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8), "dupref.json"))
                .hasMessageContaining("dupref.json (component 'x'): two components share this reference");
    }

    @Test
    void unsupportedFormatsSayWhatToSendInstead() {
        assertRefused("{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\"@graph\":[]}",
                "spdx3.json", "JSON-LD (SPDX 3) documents are not supported");
        assertRefused("---\nSPDXID: \"SPDXRef-DOCUMENT\"\nspdxVersion: \"SPDX-2.3\"\n", "doc.spdx.yaml",
                "SPDX YAML documents are not supported");
        assertRefused("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", "doc.rdf",
                "SPDX RDF/XML documents are not supported");
        assertRefused("<Document><spdxVersion>SPDX-2.3</spdxVersion></Document>", "doc.spdx.xml",
                "SPDX XML documents are not supported");
        assertRefused("{\"spdxVersion\":\"SPDX-3.0\"}", "v3.json", "SPDX version 'SPDX-3.0' is not supported");
        assertRefused("{\"hello\":\"world\"}", "other.json", "neither CycloneDX");
        assertRefused("just some text\nwith lines\n", "notes.txt", "no header row found");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        assertThatThrownBy(() -> reader.read(xls, "old.xls")).hasMessageContaining("Excel 97-2003 (.xls)");
    }

    @Test
    void aFileThatIsNoSbomIsToldSoFirst() {
        String passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                + "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n";
        assertThatThrownBy(() -> reader.read(passwd.getBytes(StandardCharsets.UTF_8), "passwd"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("passwd: SBOMではありません（CycloneDX・SPDXの文書ではなく、ベンダー表としても先頭 20 行に見出し行")
                .hasMessageContaining("/ not an SBOM: neither CycloneDX nor SPDX");
        assertThatThrownBy(() -> reader.read("会議のメモ\n来週の予定を確認する\n".getBytes(StandardCharsets.UTF_8), "memo.txt"))
                .hasMessageStartingWith("memo.txt: SBOMではありません");
        assertThatThrownBy(() -> reader.read("{\"name\":\"my-app\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8), "package.json"))
                .hasMessageStartingWith("package.json: SBOMではありません / not an SBOM: JSON document is neither CycloneDX");
        assertThatThrownBy(() -> reader.read("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "page.html"))
                .hasMessageContaining("SBOMではありません / not an SBOM: XML document is not CycloneDX");
    }

    @Test
    void cycloneDxVersionsWithoutJsonAreRefused() {
        assertRefused("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.1\"}", "old.json", "specVersion '1.1' is not supported");
        assertRefused("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"9.9\"}", "future.json", "specVersion '9.9' is not supported");
    }

    private void assertRefused(String content, String file, String message) {
        assertThatThrownBy(() -> reader.read(content.getBytes(StandardCharsets.UTF_8), file))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith(file)
                .hasMessageContaining(message);
    }
}
