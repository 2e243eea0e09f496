package jp.mamori.remediation.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Findings, decisions and mitigations for people who work in Excel: an .xlsx with three sheets
 * (検出, 対応判断, 回避策) and Japanese headers, or the findings table as CSV in UTF-8 with a BOM (so
 * Excel opens Japanese correctly). Text that would start a formula is neutralised in both.
 */
public final class FindingExporter {

    public static final String SHEET_FINDINGS = "検出";
    public static final String SHEET_DECISIONS = "対応判断";
    public static final String SHEET_MITIGATIONS = "回避策";
    public static final List<String> FINDING_HEADERS = FindingTable.FINDING_HEADERS;
    public static final List<String> FINDING_HEADERS_EN = FindingTable.FINDING_HEADERS_EN;

    private final Database database;

    public FindingExporter(Database database) {
        this.database = database;
    }

    /** Writes the workbook; returns the number of findings. The stream is not closed. */
    public int writeXlsx(long orgId, FindingQuery.Filter filter, OutputStream out) throws IOException {
        return writeXlsx(orgId, filter, out, false);
    }

    /**
     * @param english the findings sheet's headers, explanation and deadline basis in English (the reader chose English);
     *                labels of states and outcomes and the other sheets stay Japanese
     */
    public int writeXlsx(long orgId, FindingQuery.Filter filter, OutputStream out, boolean english) throws IOException {
        ExportData data = ExportData.load(database, orgId, filter);
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            sheet(wb.createSheet(SHEET_FINDINGS), english ? FindingTable.FINDING_HEADERS_EN : FindingTable.FINDING_HEADERS,
                    FindingTable.findings(data, english), header, date, wrap);
            sheet(wb.createSheet(SHEET_DECISIONS), FindingTable.DECISION_HEADERS, FindingTable.decisions(data), header, date, wrap);
            sheet(wb.createSheet(SHEET_MITIGATIONS), FindingTable.MITIGATION_HEADERS, FindingTable.mitigations(data), header, date, wrap);
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
        return data.findings().size();
    }

    /** Writes the findings table as CSV (UTF-8 with BOM, CRLF); returns the number of findings. The stream is not closed. */
    public int writeCsv(long orgId, FindingQuery.Filter filter, OutputStream out) throws IOException {
        return writeCsv(orgId, filter, out, false);
    }

    /** @param english headers, explanation and deadline basis in English */
    public int writeCsv(long orgId, FindingQuery.Filter filter, OutputStream out, boolean english) throws IOException {
        ExportData data = ExportData.load(database, orgId, filter);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        csvLine(w, (english ? FindingTable.FINDING_HEADERS_EN : FindingTable.FINDING_HEADERS).stream().map(h -> (Object) h).toList());
        for (List<Object> row : FindingTable.findings(data, english)) csvLine(w, row);
        w.flush();
        return data.findings().size();
    }

    private static void sheet(Sheet s, List<String> headers, List<List<Object>> rows, CellStyle header, CellStyle date, CellStyle wrap) {
        Row h = s.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(header);
            s.setColumnWidth(i, 16 * 256);
        }
        if (s instanceof SXSSFSheet sx) sx.createFreezePane(0, 1);
        int r = 1;
        for (List<Object> row : rows) {
            Row xr = s.createRow(r++);
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v == null) continue;
                Cell c = xr.createCell(i);
                if (v instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                } else if (v instanceof LocalDate d) {
                    c.setCellValue(d);
                    c.setCellStyle(date);
                } else {
                    String text = CellText.safe(v.toString());
                    c.setCellValue(text.length() > 32_000 ? text.substring(0, 32_000) : text);
                    if (text.indexOf('\n') >= 0) c.setCellStyle(wrap);
                }
            }
        }
        s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, headers.size() - 1));
    }

    private static void csvLine(Writer w, List<Object> cells) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            Object v = cells.get(i);
            String s = v == null ? "" : v instanceof Number n ? number(n) : v instanceof LocalDate ? v.toString() : CellText.safe(v.toString());
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        w.write(sb.append("\r\n").toString());
    }

    private static String number(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && !(n instanceof Double) ? String.valueOf(n.longValue()) : String.valueOf(d);
    }
}
