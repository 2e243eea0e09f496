package jp.mamori.partners;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** The parts every partners workbook lays out the same way: a styled header row and column widths in characters. */
final class SheetLayout {

    private SheetLayout() { }

    /** Bold on light grey: a header cell. */
    static CellStyle headStyle(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle head = wb.createCellStyle();
        head.setFont(bold);
        head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return head;
    }

    static void header(Sheet s, int rowIndex, String[] titles, CellStyle style) {
        Row h = s.createRow(rowIndex);
        for (int i = 0; i < titles.length; i++) {
            h.createCell(i).setCellValue(titles[i]);
            h.getCell(i).setCellStyle(style);
        }
    }

    static void widths(Sheet s, int... characters) {
        for (int i = 0; i < characters.length; i++) s.setColumnWidth(i, characters[i] * 256);
    }
}
