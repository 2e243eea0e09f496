package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.mamori.detection.export.TimelineWorkbook;
import jp.mamori.detection.rules.Category;
import jp.mamori.detection.rules.Evidence;
import jp.mamori.detection.rules.Severity;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.detection.store.DetectionStore.IncidentState;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The incident timeline export: Japanese headers, Asia/Tokyo times, and attacker-written text never a formula. */
class TimelineWorkbookTest {

    static final IncidentRow INCIDENT = new IncidentRow(7, "=hyperlink(\"http://x\")", IncidentState.OPEN, Severity.CRITICAL,
            Instant.parse("2026-11-24T00:30:00Z"), Instant.parse("2026-11-24T02:00:00Z"), 2, List.of("vpn-gw-01"), List.of(11L),
            List.of("CVE-2023-4966"), List.of("203.0.113.201"), List.of("5001"), List.of("session-hijack"), null, null, null);

    static final List<DetectionRow> TIMELINE = List.of(
            new DetectionRow(1, "session-ip-drift", Category.SESSION_HIJACK, Severity.CRITICAL, Instant.parse("2026-11-24T00:30:00Z"), "vpn-gw-01",
                    "=hyperlink(\"http://x\")", "5001", List.of("198.51.100.7", "203.0.113.201"), null, null, "別のアドレスから使われました",
                    "used from another address", "CVE-2023-4966", 11L, 7L,
                    List.of(new Evidence("ns.log", 1, "<134> login"), new Evidence("ns.log", 40, "@SUM(1+1) spoofed line"))),
            new DetectionRow(2, "storage-upload-volume", Category.EXFILTRATION, Severity.HIGH, Instant.parse("2026-11-24T02:00:00Z"), null,
                    "=hyperlink(\"http://x\")", null, List.of("10.20.0.5"), "gigafile.nu", 734_003_200L, "+大量の送信", "large upload", null, null, 7L,
                    List.of(new Evidence("squid.log", 9, "-cmd|' /C calc'!A0"))));

    @Test
    void theWorkbookHasOneRowPerDetectionAndOnePerEvidenceLineWithNoFormula() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TimelineWorkbook.xlsx(INCIDENT, TIMELINE)))) {
            Sheet s = wb.getSheet("時系列");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo(
                    "インシデント #7（対応中） 利用者 =hyperlink(\"http://x\")  2026-11-24 09:30:00 〜 2026-11-24 11:00:00（日本時間）");
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("日時（日本時間）");
            Row first = s.getRow(4);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("2026-11-24 09:30:00");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("緊急");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("'=hyperlink(\"http://x\")");
            assertThat(first.getCell(13).getStringCellValue()).isEqualTo("ns.log:1\nns.log:40");
            Row second = s.getRow(5);
            assertThat(second.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(second.getCell(8).getNumericCellValue()).isEqualTo(734_003_200d);
            assertThat(second.getCell(11).getStringCellValue()).isEqualTo("'+大量の送信");
            assertThat(s.getLastRowNum()).isEqualTo(5);

            Sheet ev = wb.getSheet("根拠");
            assertThat(ev.getLastRowNum()).isEqualTo(3);
            assertThat(ev.getRow(2).getCell(2).getStringCellValue()).isEqualTo("ns.log");
            assertThat(ev.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(40d);
            assertThat(ev.getRow(2).getCell(4).getStringCellValue()).isEqualTo("'@SUM(1+1) spoofed line");
            assertThat(ev.getRow(3).getCell(4).getStringCellValue()).isEqualTo("'-cmd|' /C calc'!A0");
            for (Sheet sheet : wb) for (Row r : sheet) r.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA));
        }
    }

    @Test
    void theCsvIsUtf8WithABomOneLinePerDetectionAndNeutralisedText() {
        String csv = new String(TimelineWorkbook.csv(TIMELINE), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n"); // the evidence cell's own line breaks are bare LF inside quotes
        assertThat(lines[0]).isEqualTo("\uFEFF日時（日本時間）,重要度,分類,規則,利用者,セッション,送信元,送信先,送信量（バイト）,機器,脆弱性,説明,Summary,根拠（ファイル:行）");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("2026-11-24 09:30:00,緊急,セッション乗っ取り,session-ip-drift,\"'=hyperlink(\"\"http://x\"\")\",5001,");
        assertThat(lines[1]).doesNotContain(",=");
        assertThat(lines[2]).contains(",gigafile.nu,734003200,", ",'+大量の送信,large upload,squid.log:9");
    }
}
