package jp.mamori.inventory.sbom.table;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import jp.mamori.inventory.sbom.SbomFormatException;

/** Spreadsheet reading (CSV in UTF-8/Shift_JIS, .xlsx) for other tables than vendor SBOMs, e.g. the asset ledger. */
public final class Tables {
    private Tables() { }

    public static List<TableRow> read(byte[] bytes, String file) throws SbomFormatException {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            List<XlsxTable.SheetRows> sheets = XlsxTable.read(bytes, file);
            if (sheets.isEmpty()) throw new SbomFormatException(file, null, "the workbook has no sheet");
            return sheets.get(0).rows();
        }
        try {
            return CsvTable.parse(TextDecoder.decode(bytes).text(), file);
        } catch (CharacterCodingException e) {
            throw new SbomFormatException(file, null, "文字コードがUTF-8でもShift_JISでもありません / text is neither UTF-8 nor Shift_JIS (MS932)");
        }
    }
}
