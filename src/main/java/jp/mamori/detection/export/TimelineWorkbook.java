package jp.mamori.detection.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.detection.rules.Evidence;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.remediation.export.CellText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An incident's timeline for the incident-response partner and the report to the prefecture: an
 * .xlsx (時系列: one row per detection; 根拠: one row per evidence line) or the timeline as CSV
 * (UTF-8 with BOM, CRLF). Log lines are attacker-controlled text (a user name can be
 * {@code =HYPERLINK(...)}), so every text cell is neutralised against formulas. Times in Asia/Tokyo.
 */
public final class TimelineWorkbook {
    private TimelineWorkbook() { }

    public static final List<String> TIMELINE_HEADERS = List.of("日時（日本時間）", "重要度", "分類", "規則", "利用者", "セッション", "送信元",
            "送信先", "送信量（バイト）", "機器", "脆弱性", "説明", "Summary", "根拠（ファイル:行）");
    public static final List<String> EVIDENCE_HEADERS = List.of("日時（日本時間）", "規則", "ファイル", "行", "ログの行");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int MAX_CELL = 32_000;

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(TOKYO));
    }

    /** The rows of the 時系列 sheet and of the CSV; numbers stay numbers. */
    public static List<List<Object>> timeline(List<DetectionRow> detections) {
        List<List<Object>> out = new ArrayList<>();
        for (DetectionRow d : detections) {
            List<String> where = new ArrayList<>();
            for (Evidence e : d.evidence()) where.add(e.file() + ":" + e.line());
            List<Object> row = new ArrayList<>();
            row.add(time(d.at()));
            row.add(d.severity().ja());
            row.add(d.category().ja());
            row.add(d.rule());
            row.add(d.user());
            row.add(d.sessionId());
            row.add(String.join(", ", d.sourceIps()));
            row.add(d.destination());
            row.add(d.bytesOut());
            row.add(d.assetCode());
            row.add(d.vulnId());
            row.add(d.summaryJa());
            row.add(d.summaryEn());
            row.add(String.join("\n", where));
            out.add(row);
        }
        return out;
    }

    public static byte[] xlsx(IncidentRow incident, List<DetectionRow> detections) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet s = wb.createSheet("時系列");
            s.createRow(0).createCell(0).setCellValue(CellText.safe("インシデント #" + incident.id() + "（" + incident.state().ja() + "） 利用者 "
                    + incident.userKey() + "  " + time(incident.opened()) + " 〜 " + time(incident.last()) + "（日本時間）"));
            s.createRow(1).createCell(0).setCellValue(CellText.safe("機器 " + String.join(", ", incident.assets()) + "  脆弱性 "
                    + String.join(", ", incident.vulns()) + "  送信元 " + String.join(", ", incident.sourceIps())));
            header(s, 3, TIMELINE_HEADERS, head);
            int r = 4;
            for (List<Object> row : timeline(detections)) cells(s.createRow(r++), row, wrap);
            s.createFreezePane(0, 4);
            int[] widths = {20, 8, 16, 28, 16, 14, 28, 28, 14, 14, 16, 60, 60, 30};
            for (int i = 0; i < widths.length; i++) s.setColumnWidth(i, widths[i] * 256);

            Sheet ev = wb.createSheet("根拠");
            header(ev, 0, EVIDENCE_HEADERS, head);
            int n = 1;
            for (DetectionRow d : detections) {
                for (Evidence e : d.evidence()) {
                    cells(ev.createRow(n++), List.of(time(d.at()), d.rule(), e.file(), e.line(), e.text() == null ? "" : e.text()), wrap);
                }
            }
            ev.createFreezePane(0, 1);
            int[] ew = {20, 28, 30, 10, 120};
            for (int i = 0; i < ew.length; i++) ev.setColumnWidth(i, ew[i] * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] csv(List<DetectionRow> detections) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, new ArrayList<>(TIMELINE_HEADERS));
        for (List<Object> row : timeline(detections)) line(sb, row);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(Sheet s, int at, List<String> headers, CellStyle style) {
        Row h = s.createRow(at);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(style);
        }
    }

    private static void cells(Row row, List<?> values, CellStyle wrap) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) continue;
            Cell c = row.createCell(i);
            if (v instanceof Number num) {
                c.setCellValue(num.doubleValue());
            } else {
                String text = CellText.safe(v.toString());
                c.setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text);
                if (text.indexOf('\n') >= 0) c.setCellStyle(wrap);
            }
        }
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            Object v = cells.get(i);
            String s = v == null ? "" : v instanceof Number n ? String.valueOf(n.longValue()) : CellText.safe(v.toString());
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        sb.append("\r\n");
    }
}
