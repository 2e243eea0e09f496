package jp.mamori.inventory.sbom.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.inventory.sbom.SbomFormatException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Sheets of an Excel .xlsx workbook as text rows, the way Excel shows them.
 *
 * <p>An .xlsx is a zip of XML parts, so a small file can inflate to gigabytes. POI's ZipSecureFile
 * guards are process-wide; they are set here to bounds that no vendor table comes near (a 100,000-row
 * sheet is a few tens of MB) but that stop a zip bomb before it fills the heap.
 */
final class XlsxTable {
    static final double MIN_INFLATE_RATIO = 0.01;     // POI's default: a part may inflate 100-fold at most
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    static final long MAX_TEXT_CHARS = 64L * 1024 * 1024;
    static final int MAX_COLUMNS = 256;                // a vendor table has a handful; stray formatting can reach XFD

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }

    /** One sheet: its name (for messages) and rows in order, 1-based numbers as Excel shows them. */
    record SheetRows(String name, List<TableRow> rows) { }

    private XlsxTable() { }

    static List<SheetRows> read(byte[] bytes, String file) throws SbomFormatException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter fmt = new DataFormatter();
            // Formulas are not evaluated (a hostile workbook could make that expensive); the value Excel
            // saved with the formula is what the vendor saw.
            fmt.setUseCachedValuesForFormulaCells(true);
            List<SheetRows> sheets = new ArrayList<>();
            for (Sheet sheet : wb) sheets.add(new SheetRows(sheet.getSheetName(), rows(sheet, fmt)));
            return sheets;
        } catch (IOException | RuntimeException e) {
            throw new SbomFormatException(file, null, "not a readable Excel .xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static List<TableRow> rows(Sheet sheet, DataFormatter fmt) {
        Map<Long, String> merged = mergedValues(sheet, fmt);
        List<TableRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            int last = Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
            List<String> cells = new ArrayList<>(last);
            for (int c = 0; c < last; c++) {
                Cell cell = row.getCell(c);
                String v = cell == null ? "" : text(cell, fmt);
                if (v.isEmpty()) v = merged.getOrDefault(key(row.getRowNum(), c), "");
                cells.add(v);
            }
            rows.add(new TableRow(row.getRowNum() + 1, cells));
        }
        return rows;
    }

    /**
     * The cell as Excel shows it, except dates: a date typed into Excel is stored with the locale's
     * short-date format (built-in 14), which Japanese Excel shows as 2027/12/31 but POI renders as
     * 12/31/27. A date cell is therefore written as ISO 8601 (2027-12-31, with the time when it has one).
     */
    static String text(Cell cell, DataFormatter fmt) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            java.time.LocalDateTime t = cell.getLocalDateTimeCellValue();
            if (t != null) return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
        }
        return fmt.formatCellValue(cell);
    }

    /**
     * Japanese tables often merge the サプライヤ名 cell over all of that supplier's rows; Excel shows the
     * value on every row, POI stores it only in the first cell. Every covered cell gets the value.
     */
    private static Map<Long, String> mergedValues(Sheet sheet, DataFormatter fmt) {
        Map<Long, String> out = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            Row first = sheet.getRow(region.getFirstRow());
            Cell topLeft = first == null ? null : first.getCell(region.getFirstColumn());
            String v = topLeft == null ? "" : text(topLeft, fmt);
            if (v.isEmpty()) continue;
            int lastCol = Math.min(region.getLastColumn(), MAX_COLUMNS - 1);
            int lastRow = Math.min(region.getLastRow(), sheet.getLastRowNum());
            for (int r = region.getFirstRow(); r <= lastRow; r++) {
                if (sheet.getRow(r) == null) continue;  // only rows that exist: a merge can claim a million
                for (int c = region.getFirstColumn(); c <= lastCol; c++) out.put(key(r, c), v);
            }
        }
        return out;
    }

    private static long key(int row, int col) {
        return ((long) row << 16) | col;
    }
}
