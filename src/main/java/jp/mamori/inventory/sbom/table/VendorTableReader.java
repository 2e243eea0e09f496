package jp.mamori.inventory.sbom.table;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.CpeSuggester;
import jp.mamori.inventory.sbom.IdentifierOrigin;
import jp.mamori.inventory.sbom.SbomAssembly;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.Text;

/**
 * The component list a municipality actually gets from many vendors: a spreadsheet with
 * サプライヤ名 / コンポーネント名 / バージョン / 製品URL (or Supplier / Component / Version / URL). Every row is
 * a top-level component of the product. Identifiers are never in such a table, so Mamori suggests them
 * (purl from the URL, CPE from the knowledge base) and marks them {@link IdentifierOrigin#SUGGESTED}.
 */
public final class VendorTableReader {
    public static final String FORMAT = "VendorTable";

    private final CpeSuggester cpeSuggester;

    public VendorTableReader(CpeSuggester cpeSuggester) {
        this.cpeSuggester = cpeSuggester == null ? CpeSuggester.NONE : cpeSuggester;
    }

    public SbomDocument readCsv(byte[] bytes, String file) throws SbomFormatException {
        TextDecoder.Decoded text;
        try {
            text = TextDecoder.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new SbomFormatException(file, null, "SBOMではありません（文字コードがUTF-8でもShift_JISでもありません。表なら「CSV UTF-8」か.xlsxで保存してください）"
                    + " / not an SBOM: text is neither UTF-8 nor Shift_JIS (MS932); save the table as 'CSV UTF-8' or as .xlsx");
        }
        List<TableRow> rows = CsvTable.parse(text.text(), file);
        Columns columns = Columns.find(rows).orElseThrow(() -> noHeader(file, null));
        List<String> warnings = new ArrayList<>();
        if (text.charset().equals(TextDecoder.MS932)) {
            warnings.add("BOMがなくUTF-8でもないため、Shift_JIS（windows-31j）として読みました / no BOM and not valid UTF-8:"
                    + " the CSV was read as Shift_JIS (windows-31j)");
        }
        return document(file, rows, columns, null, warnings);
    }

    public SbomDocument readXlsx(byte[] bytes, String file) throws SbomFormatException {
        List<XlsxTable.SheetRows> sheets = XlsxTable.read(bytes, file);
        for (int i = 0; i < sheets.size(); i++) {
            XlsxTable.SheetRows sheet = sheets.get(i);
            Optional<Columns> columns = Columns.find(sheet.rows());
            if (columns.isPresent()) {
                List<String> warnings = new ArrayList<>();
                if (i > 0) warnings.add("見出し行のある最初のシート「" + sheet.name() + "」を読みました / the first sheet with a header row, '"
                        + sheet.name() + "', was read");
                return document(file, sheet.rows(), columns.get(), sheet.name(), warnings);
            }
        }
        throw noHeader(file, null);
    }

    private SbomDocument document(String file, List<TableRow> rows, Columns col, String sheet, List<String> warnings)
            throws SbomFormatException {
        List<Component> components = new ArrayList<>();
        for (TableRow row : rows) {
            if (row.number() <= col.headerRow() || row.isBlank()) continue;
            String name = Text.clean(row.cell(col.component()));
            String supplier = Text.clean(row.cell(col.supplier()));
            String version = Text.clean(row.cell(col.version()));
            String url = Text.clean(row.cell(col.url()));
            if (name == null) {
                throw new SbomFormatException(file, (sheet == null ? "" : "sheet '" + sheet + "', ") + "row " + row.number(),
                        "コンポーネント名が空です / the component name (コンポーネント名) is empty");
            }
            String purl = PurlSuggester.fromUrl(url, version).orElse(null);
            String cpe = cpeSuggester.suggest(supplier, name, version).map(Text::clean).orElse(null);
            IdentifierOrigin origin = purl != null || cpe != null ? IdentifierOrigin.SUGGESTED : IdentifierOrigin.DECLARED;
            components.add(new Component("row-" + row.number(), null, null, null, name, version, supplier, purl, cpe,
                    null, null, url, origin, true));
        }
        return SbomAssembly.assemble(file, FORMAT, "1", null, file, null, components, List.of(), warnings);
    }

    private static SbomFormatException noHeader(String file, String place) {
        // A file that is neither CycloneDX nor SPDX reaches here (a text file, /etc/passwd): say first that it is no
        // SBOM at all, then why it is no vendor table either.
        return new SbomFormatException(file, place, "SBOMではありません（CycloneDX・SPDXの文書ではなく、ベンダー表としても先頭 "
                + Columns.SEARCHED_ROWS + " 行に見出し行「コンポーネント名」と「サプライヤ名」「バージョン」「製品URL」のいずれかがありません）"
                + " / not an SBOM: neither CycloneDX nor SPDX, and no header row found in the first " + Columns.SEARCHED_ROWS
                + " rows: a vendor table needs a column コンポーネント名 (or Component) and at least one of"
                + " サプライヤ名 / バージョン / 製品URL (Supplier / Version / URL)");
    }
}
