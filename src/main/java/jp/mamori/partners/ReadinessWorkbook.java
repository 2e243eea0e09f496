package jp.mamori.partners;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import jp.mamori.remediation.export.CellText;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The readiness report as an .xlsx for officers who paste it into their reports (text neutralised against formulas). */
public final class ReadinessWorkbook {
    private ReadinessWorkbook() { }

    /** {@code snapshot}: the issued snapshot, or null for the live report. */
    public static byte[] write(ReadinessReport r, ReadinessSnapshot snapshot) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("準備状況");
            CellStyle head = SheetLayout.headStyle(wb);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            s.createRow(0).createCell(0).setCellValue(CellText.safe("準備状況レポート " + r.organizationName() + "（" + r.organizationCode() + "） " + r.asOf() + " 時点"));
            s.createRow(1).createCell(0).setCellValue(snapshot == null ? "未発行（現在値） / live, not issued"
                    : "発行 #" + snapshot.id() + " " + snapshot.issuedAt() + " " + CellText.safe(snapshot.issuedBy()) + " SHA-256 " + snapshot.sha256());
            SheetLayout.header(s, 3, new String[] {"状況", "対策", "Countermeasure", "総務省報告書の対策", "根拠 / evidence"}, head);
            int n = 4;
            for (ReadinessReport.Row row : r.rows()) {
                Row x = s.createRow(n++);
                x.createCell(0).setCellValue(row.status().ja());
                x.createCell(1).setCellValue(CellText.safe(row.titleJa()));
                x.createCell(2).setCellValue(CellText.safe(row.titleEn()));
                x.createCell(3).setCellValue(CellText.safe(row.countermeasure()));
                x.createCell(4).setCellValue(CellText.safe(String.join("\n", row.evidence())));
                x.getCell(3).setCellStyle(wrap);
                x.getCell(4).setCellStyle(wrap);
            }
            SheetLayout.widths(s, 10, 30, 30, 50, 100);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
