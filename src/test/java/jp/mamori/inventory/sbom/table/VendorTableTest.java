package jp.mamori.inventory.sbom.table;

import static jp.mamori.inventory.sbom.TestSboms.byName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.CpeSuggester;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.inventory.sbom.TestSboms;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class VendorTableTest {
    /** Stands in for the knowledge base: knows one product. */
    private static final CpeSuggester KNOWLEDGE_BASE = (supplier, product, version) ->
            "log4j-core".equals(product) ? Optional.of("cpe:2.3:a:apache:log4j:" + version + ":*:*:*:*:*:*:*") : Optional.empty();

    private final SbomReader reader = new SbomReader(SbomLimits.defaults(), KNOWLEDGE_BASE);

    @Test
    void readsUtf8CsvWithBomQuotedFieldsAndExtraColumns() throws Exception {
        SbomDocument doc = reader.read(TestSboms.bytes("vendor-utf8.csv"), "vendor-utf8.csv");

        assertThat(doc.format()).isEqualTo("VendorTable");
        assertThat(doc.specVersion()).isEqualTo("1");
        assertThat(doc.components()).extracting(Component::name)
                .containsExactly("log4j-core", "lodash", "業務パッケージ", "requests");
        assertThat(doc.components()).allMatch(Component::topLevel);
        assertThat(doc.warnings()).isEmpty();

        Component log4j = byName(doc, "log4j-core");
        assertThat(log4j.ref()).isEqualTo("row-2");
        assertThat(log4j.supplier()).isEqualTo("Apache Software Foundation");
        assertThat(log4j.version()).isEqualTo("2.14.1");
        assertThat(log4j.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(log4j.cpe()).isEqualTo("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*");
        assertThat(log4j.idOrigin()).isEqualTo(IdentifierOrigin.SUGGESTED);

        Component lodash = byName(doc, "lodash");
        assertThat(lodash.supplier()).isEqualTo("Example, Inc.");
        assertThat(lodash.purl()).isEqualTo("pkg:npm/lodash@4.17.20");
        assertThat(lodash.idOrigin()).isEqualTo(IdentifierOrigin.SUGGESTED);

        Component own = byName(doc, "業務パッケージ");
        assertThat(own.ref()).as("row 3 holds a line break inside quotes; still one row").isEqualTo("row-4");
        assertThat(own.hasNoIdentifier()).isTrue();
        assertThat(own.idOrigin()).isEqualTo(IdentifierOrigin.DECLARED);
        assertThat(own.url()).isEqualTo("https://www.example.co.jp/product");

        Component requests = byName(doc, "requests");
        assertThat(requests.ref()).as("the blank row 5 is skipped, numbering is not").isEqualTo("row-6");
        assertThat(requests.supplier()).isNull();
        assertThat(requests.purl()).isEqualTo("pkg:pypi/requests@2.31.0");
    }

    @Test
    void readsShiftJisCsvWithTitleRowsAboveTheHeader() throws Exception {
        SbomDocument doc = reader.read(TestSboms.bytes("vendor-sjis.csv"), "vendor-sjis.csv");

        assertThat(doc.warnings()).containsExactly("BOMがなくUTF-8でもないため、Shift_JIS（windows-31j）として読みました / no BOM and not valid UTF-8:"
                + " the CSV was read as Shift_JIS (windows-31j)");
        assertThat(doc.components()).extracting(Component::supplier, Component::name, Component::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("株式会社①システム", "住民記録システム", "5.0"),
                        org.assertj.core.groups.Tuple.tuple("日本電気株式会社", "ＷｅｂＯＴＸ", "9.4"));
        assertThat(doc.components().get(0).ref()).isEqualTo("row-4");
    }

    @Test
    void englishHeadersInAnyCaseAndOrder() throws Exception {
        String csv = "Notes,VERSION,component,Supplier,url\nx,1.2.3,express,OpenJS,https://www.npmjs.com/package/express\n";
        SbomDocument doc = reader.read(csv.getBytes(StandardCharsets.UTF_8), "en.csv");
        Component c = doc.components().get(0);
        assertThat(c.name()).isEqualTo("express");
        assertThat(c.version()).isEqualTo("1.2.3");
        assertThat(c.supplier()).isEqualTo("OpenJS");
        assertThat(c.purl()).isEqualTo("pkg:npm/express@1.2.3");
    }

    @Test
    void rowWithoutComponentNameIsRefusedByRow() {
        String csv = "サプライヤ名,コンポーネント名,バージョン\nA社,x,1\nB社,,2\n";
        assertThatThrownBy(() -> reader.read(csv.getBytes(StandardCharsets.UTF_8), "t.csv"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessage("t.csv (row 3): コンポーネント名が空です / the component name (コンポーネント名) is empty");
    }

    @Test
    void undecodableTextIsRefused() {
        byte[] bytes = {'a', ',', 'b', '\n', (byte) 0x81, (byte) 0x20, (byte) 0xFF};
        assertThatThrownBy(() -> reader.read(bytes, "bin.csv")).hasMessageContaining("neither UTF-8 nor Shift_JIS");
    }

    @Test
    void readsXlsxWithMergedSupplierCellsAndNumericVersions() throws Exception {
        byte[] xlsx = workbook(wb -> {
            Sheet cover = wb.createSheet("表紙");
            cover.createRow(0).createCell(0).setCellValue("ソフトウェア構成一覧");
            Sheet s = wb.createSheet("構成");
            s.createRow(0).createCell(0).setCellValue("住民情報システム 構成表");
            row(s, 2, "サプライヤ名", "コンポーネント名", "バージョン", "製品URL", "備考");
            row(s, 3, "Apache Software Foundation", "log4j-core", "2.14.1",
                    "https://repo1.maven.org/maven2/org/apache/logging/log4j/log4j-core/2.14.1/", "");
            row(s, 4, "", "log4j-api", "2.14.1", "", "");
            s.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            Row r = s.createRow(5);
            r.createCell(0).setCellValue("Example KK");
            r.createCell(1).setCellValue("帳票エンジン");
            r.createCell(2).setCellValue(7);  // typed as a number in Excel
        });

        SbomDocument doc = reader.read(xlsx, "構成表.xlsx");

        assertThat(doc.warnings()).containsExactly("見出し行のある最初のシート「構成」を読みました / the first sheet with a header row, '構成', was read");
        assertThat(doc.components()).extracting(Component::ref, Component::supplier, Component::name, Component::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("row-4", "Apache Software Foundation", "log4j-core", "2.14.1"),
                        org.assertj.core.groups.Tuple.tuple("row-5", "Apache Software Foundation", "log4j-api", "2.14.1"),
                        org.assertj.core.groups.Tuple.tuple("row-6", "Example KK", "帳票エンジン", "7"));
        assertThat(byName(doc, "log4j-core").purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(byName(doc, "log4j-core").idOrigin()).isEqualTo(IdentifierOrigin.SUGGESTED);
    }

    @Test
    void xlsxWithoutHeaderIsRefused() throws IOException {
        byte[] xlsx = workbook(wb -> row(wb.createSheet("x"), 0, "a", "b"));
        assertThatThrownBy(() -> reader.read(xlsx, "x.xlsx")).hasMessageContaining("no header row found");
    }

    @Test
    void zipBombInsideXlsxIsRefused() throws IOException {
        byte[] xlsx = workbook(wb -> row(wb.createSheet("x"), 0, "コンポーネント名", "バージョン"));
        // 50 MB of zeros deflates ~1000-fold, far past POI's inflate-ratio guard
        byte[] bomb = withExtraEntry(xlsx, "xl/media/bomb.bin", new byte[50 * 1024 * 1024]);
        assertThatThrownBy(() -> reader.read(bomb, "bomb.xlsx"))
                .isInstanceOf(SbomFormatException.class)
                .hasMessageStartingWith("bomb.xlsx: not a readable Excel .xlsx workbook:")
                .hasMessageContaining("Zip bomb");
    }

    @Test
    void zipThatIsNotAWorkbookIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> reader.read(out.toByteArray(), "files.zip"))
                .hasMessageStartingWith("files.zip: not a readable Excel .xlsx workbook");
    }

    interface SheetWriter {
        void write(XSSFWorkbook wb);
    }

    static byte[] workbook(SheetWriter writer) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void row(Sheet s, int index, String... values) {
        Row r = s.createRow(index);
        for (int i = 0; i < values.length; i++) r.createCell(i).setCellValue(values[i]);
    }

    private static byte[] withExtraEntry(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
            }
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
        }
        return out.toByteArray();
    }

}
