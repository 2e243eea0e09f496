package jp.mamori.inventory.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18.10: an XML whose encoding declaration lies is refused (not stored as mojibake), and a UTF-16 JSON
 * is told to be saved as UTF-8 instead of being called a bad vendor table.
 */
class LyingEncodingTest {

    private static final Charset SJIS = Charset.forName("Shift_JIS");

    @TempDir
    Path tmp;

    /** A CycloneDX XML SBOM naming its supplier in Japanese. */
    private static String cdx(String declared) {
        return "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>\n"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>"
                + "<component type=\"library\" bom-ref=\"a\"><supplier><name>株式会社みらい情報システム</name></supplier>"
                + "<name>住民記録システム連携モジュール</name><version>1.0</version></component></components></bom>\n";
    }

    @Test
    void declaredUtf8ButSavedAsShiftJisIsRefused() {
        byte[] bytes = cdx("UTF-8").getBytes(SJIS);
        assertThatThrownBy(() -> new SbomReader().read(bytes, "vendor.cdx.xml"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("vendor.cdx.xml")
                .hasMessageContaining("XML宣言は UTF-8（または宣言なし）ですが、")
                .hasMessageContaining("バイト目が UTF-8 ではありません（Shift_JIS などで保存されています）")
                .hasMessageContaining("save it as UTF-8 or declare its real encoding");
    }

    @Test
    void declaredShiftJisButSavedAsUtf8IsRefusedInsteadOfReadAsMojibake() {
        byte[] bytes = cdx("Shift_JIS").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new SbomReader().read(bytes, "vendor.cdx.xml"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageContaining("XML宣言は SHIFT_JIS ですが、内容は UTF-8 です（このまま読むと文字化けします）")
                .hasMessageContaining("declare encoding=\"UTF-8\"");
    }

    @Test
    void honestDeclarationsInEitherEncodingAreRead() throws Exception {
        for (byte[] bytes : List.of(cdx("UTF-8").getBytes(StandardCharsets.UTF_8), cdx("Shift_JIS").getBytes(SJIS))) {
            SbomDocument d = new SbomReader().read(bytes, "vendor.cdx.xml");
            assertThat(d.components()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("住民記録システム連携モジュール"));
        }
    }

    @Test
    void utf16JsonIsToldToBeSavedAsUtf8() {
        String json = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[]}";
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16)) {
            byte[] bytes = cs == StandardCharsets.UTF_16 ? json.getBytes(cs) : ("\uFEFF" + json).getBytes(cs);
            assertThatThrownBy(() -> new SbomReader().read(bytes, "bom.json")).as(cs.name())
                    .isInstanceOf(SbomFormatException.class)
                    .hasMessageStartingWith("bom.json")
                    .hasMessageContaining("UTF-16 には対応していません。UTF-8 で保存してください / UTF-16 is not supported, save the file as UTF-8")
                    .hasMessageNotContaining("vendor table");
        }
        byte[] noBom = json.getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> new SbomReader().read(noBom, "bom.json")).hasMessageContaining("UTF-16 には対応していません");
    }

    @Test
    void aFeedXmlDeclaredShiftJisButWrittenInUtf8IsNotImported() throws Exception {
        String jvn = Files.readString(Path.of("src/test/resources/feeds/jvn/vuldef-detail.xml"));
        Path lying = tmp.resolve("jvn-detail.xml");
        Files.write(lying, jvn.replaceFirst("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"").getBytes(StandardCharsets.UTF_8));
        Path sjisDeclaredUtf8 = tmp.resolve("jvn-detail-sjis.xml");
        Files.write(sjisDeclaredUtf8, jvn.getBytes(SJIS));
        try (Database db = Database.open(TestDatabases.h2())) {
            FeedFileImporter.Summary s = new FeedFileImporter(db, Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC), null)
                    .importPaths(List.of(lying, sjisDeclaredUtf8), jp.mamori.advisory.Source.JVN, false);
            assertThat(s.failures()).hasSize(2);
            assertThat(s.failures().get(0)).startsWith(lying.toString()).contains("XML宣言は SHIFT_JIS ですが、内容は UTF-8 です");
            assertThat(s.failures().get(1)).startsWith(sjisDeclaredUtf8.toString()).contains("バイト目が UTF-8 ではありません");
            try (Connection c = db.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM advisory_statement")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no mojibake stored").isZero();
            }
        }
    }
}
