package jp.mamori.inventory.sbom.table;

import java.util.ArrayList;
import java.util.List;
import jp.mamori.inventory.sbom.SbomFormatException;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), as Excel writes it. Tab
 * separated when the first line has tabs and no commas (Excel's "Unicode テキスト").
 */
final class CsvTable {
    private CsvTable() { }

    static List<TableRow> parse(String text, String file) throws SbomFormatException {
        char sep = separator(text);
        List<TableRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                    else quoted = false;
                } else {
                    if (ch == '\n') line++;
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == sep) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new TableRow(rows.size() + 1, cells));
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw new SbomFormatException(file, "line " + recordLine, "a quoted field is never closed");
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new TableRow(rows.size() + 1, cells));
        }
        return rows;
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
    }
}
