package jp.mamori.remediation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.MutableClock;
import jp.mamori.remediation.RemediationFixture;
import jp.mamori.testsupport.TestDatabases;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Excel and CSV exports, read back as a person (or Excel) would. */
class FindingExporterTest {

    private static final Instant MORNING = Instant.parse("2026-12-01T00:00:00Z");
    private static final DataFormatter TEXT = new DataFormatter();

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theWorkbookListsFindingsDecisionsAndMitigationsWithJapaneseHeaders(TestDatabases.Kind kind) throws Exception {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            long gw = fx.finding(fx.gateway, "device", "NetScaler Gateway", "13.1-49.13", "CVE-2023-4966", "act", fx.today().minusDays(1),
                    FindingState.NEW, "crit");
            long evil = fx.finding(fx.server, "purl:npm/evil", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "CVE-2024-0001", "track",
                    fx.today().plusDays(90), FindingState.NEW, "crit");
            String reason = "直ちに回避策を適用し、" + fx.today().plusDays(14) + " までにパッチを適用する";
            fx.workflow.decide(fx.org.id(), gw, Decision.of(DecisionAction.MITIGATE, reason, "sec-officer").withUntil(fx.today().plusDays(14)));
            fx.workflow.decide(fx.org.id(), evil, Decision.of(DecisionAction.FALSE_POSITIVE, "@SUM(1+1) not our package", "sec-officer"));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n = new FindingExporter(fx.db).writeXlsx(fx.org.id(), FindingQuery.Filter.all(), out);

            assertThat(n).isEqualTo(2);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                assertThat(List.of(wb.getSheetAt(0).getSheetName(), wb.getSheetAt(1).getSheetName(), wb.getSheetAt(2).getSheetName()))
                        .containsExactly("検出", "対応判断", "回避策");
                Sheet findings = wb.getSheet("検出");
                assertThat(row(findings.getRow(0))).startsWith("対応", "期限", "脆弱性", "資産", "情報システム", "コンポーネント", "版", "修正版",
                        "深刻度", "CVSS", "悪用", "状態", "判断", "理由", "判断者", "承認者", "期限・見直し日", "回避策");
                List<String> first = row(findings.getRow(1));
                assertThat(first.get(0)).isEqualTo("Act 直ちに対応");
                assertThat(first.get(1)).as("the decision's patch-by date is the deadline in force").isEqualTo(fx.today().plusDays(14).toString());
                assertThat(findings.getRow(1).getCell(1).getCellType()).as("a real date cell").isEqualTo(CellType.NUMERIC);
                assertThat(first.get(2)).isEqualTo("CVE-2023-4966");
                assertThat(first.get(4)).isEqualTo("テレワークシステム");
                assertThat(findings.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(9.8);
                assertThat(first.get(11)).as("no mitigation item is done yet").isEqualTo("回避策計画中");
                assertThat(first.get(12)).isEqualTo("回避策を適用");
                assertThat(first.get(13)).isEqualTo(reason);
                assertThat(first.get(14)).isEqualTo("sec-officer");
                assertThat(first.get(16)).isEqualTo(fx.today().plusDays(14).toString());
                assertThat(first.get(17)).contains("[未着手] 確立済みのセッションをすべて切断する");
                List<String> second = row(findings.getRow(2));
                assertThat(second.get(5)).as("formula injection neutralised").isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
                assertThat(second.get(6)).isEqualTo("'+1");
                assertThat(second.get(13)).isEqualTo("'@SUM(1+1) not our package");
                for (Row r : findings) for (Cell c : r) assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);

                Sheet decisions = wb.getSheet("対応判断");
                assertThat(row(decisions.getRow(0))).contains("理由", "判断者", "承認者", "判断日時", "期限・見直し日");
                assertThat(decisions.getLastRowNum()).isEqualTo(2);
                assertThat(row(decisions.getRow(1))).contains("回避策を適用", reason, "sec-officer", "有効");

                Sheet mitigations = wb.getSheet("回避策");
                assertThat(mitigations.getLastRowNum()).isEqualTo(5);
                assertThat(row(mitigations.getRow(1))).contains("侵害確認チェックリスト（境界装置）", "未着手");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theCsvIsUtf8WithABomForExcel(TestDatabases.Kind kind) throws Exception {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            long id = fx.finding(fx.server, "purl:x", "log4j-core", "2.14.1", "CVE-2021-44228", "act", fx.today(), FindingState.NEW, "c");
            fx.workflow.decide(fx.org.id(), id, Decision.of(DecisionAction.PATCH, "保守日に適用, \"至急\"\n第2行", "sec-officer")
                    .withUntil(fx.today().plusDays(3)));
            fx.finding(fx.server, "purl:y", "-cmd", "1", "CVE-2021-0002", "track", fx.today(), FindingState.NEW, "c");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new FindingExporter(fx.db).writeCsv(fx.org.id(), FindingQuery.Filter.all(), out);
            byte[] bytes = out.toByteArray();
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            assertThat(csv).startsWith("対応,期限,脆弱性,資産,情報システム,コンポーネント,版,修正版,深刻度,CVSS,悪用,状態,判断,理由,判断者,承認者,期限・見直し日,回避策");
            assertThat(csv).contains("\r\n");
            assertThat(csv).contains("\"保守日に適用, \"\"至急\"\"\n第2行\"");
            assertThat(csv).contains(",'-cmd,");
        }
    }

    /** Issue 12: the workbook says why (the explanation) and why the deadline is what it is, in the reader's language. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theWorkbookCarriesTheExplanationAndTheDeadlinesReason(TestDatabases.Kind kind) throws Exception {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            java.time.LocalDate today = fx.today();
            long gw = fx.finding(fx.gateway, "device", "NetScaler Gateway", "13.1-49.13", "CVE-2023-4966", "act", today.plusDays(7),
                    FindingState.NEW, "crit");
            long lib = fx.finding(fx.server, "purl:npm/lodash", "lodash", "4.17.19", "CVE-2021-23337", "track", today.plusDays(90),
                    FindingState.NEW, "crit");
            evidence(fx, gw, "{\"explanation\": {\"ja\": \"悪用が確認されている境界機器です。\", \"en\": \"An exploited boundary device.\"},"
                    + " \"dueBasis\": \"kev_passed_before_detection\", \"duePolicyDays\": 7, \"dueFrom\": \"" + today + "\","
                    + " \"kev\": {\"dueDate\": \"2023-11-08\"}}");
            evidence(fx, lib, "{\"explanation\": {\"ja\": \"公開されていない業務サーバです。\", \"en\": \"An internal server.\"},"
                    + " \"dueBasis\": \"policy\", \"duePolicyDays\": 90, \"dueFrom\": \"" + today + "\", \"kev\": null}");
            java.time.LocalDate patchBy = today.plusDays(10);
            fx.workflow.decide(fx.org.id(), gw, Decision.of(DecisionAction.MITIGATE, "直ちに回避策、パッチは10日以内", "sec-officer").withUntil(patchBy));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new FindingExporter(fx.db).writeXlsx(fx.org.id(), FindingQuery.Filter.all(), out);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                Sheet findings = wb.getSheet("検出");
                List<String> headers = row(findings.getRow(0));
                int why = headers.indexOf("なぜ（説明）");
                int basis = headers.indexOf("期限の根拠");
                assertThat(why).as("a why column").isPositive();
                assertThat(basis).as("a deadline-basis column").isEqualTo(why + 1);
                assertThat(headers.get(headers.size() - 1)).as("検出ID stays last").isEqualTo("検出ID");
                java.util.Map<String, List<String>> byVuln = new java.util.HashMap<>();
                for (int i = 1; i <= findings.getLastRowNum(); i++) byVuln.put(row(findings.getRow(i)).get(2), row(findings.getRow(i)));
                List<String> g = byVuln.get("CVE-2023-4966");
                assertThat(g.get(why)).isEqualTo("悪用が確認されている境界機器です。");
                assertThat(g.get(1)).isEqualTo(patchBy.toString());
                assertThat(g.get(basis)).as("the decision's date with who set it and why, and the KEV date as a fact")
                        .startsWith(patchBy + "：対応判断のパッチ期限（sec-officer が " + today + " に設定）")
                        .contains("理由: 直ちに回避策、パッチは10日以内")
                        .endsWith("CISA KEV期限 2023-11-08 は検出前に経過（参考）");
                List<String> l = byVuln.get("CVE-2021-23337");
                assertThat(l.get(why)).isEqualTo("公開されていない業務サーバです。");
                assertThat(l.get(basis)).isEqualTo(today.plusDays(90) + "：初回検出 " + today + " から 90日（対応方針）");
            }

            ByteArrayOutputStream en = new ByteArrayOutputStream();
            new FindingExporter(fx.db).writeXlsx(fx.org.id(), FindingQuery.Filter.all(), en, true);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(en.toByteArray()))) {
                Sheet findings = wb.getSheetAt(0);
                List<String> headers = row(findings.getRow(0));
                assertThat(headers).contains("Why (explanation)", "Deadline basis").doesNotContain("なぜ（説明）");
                int why = headers.indexOf("Why (explanation)");
                List<String> texts = new ArrayList<>();
                for (int i = 1; i <= findings.getLastRowNum(); i++) {
                    List<String> r = row(findings.getRow(i));
                    texts.add(r.get(why) + " | " + r.get(why + 1));
                }
                assertThat(texts).anySatisfy(t -> assertThat(t).contains("An exploited boundary device.")
                        .contains("the decision's patch-by date (set by sec-officer on " + today + ")")
                        .contains("the CISA KEV due date 2023-11-08 had passed before detection"));
                assertThat(texts).anySatisfy(t -> assertThat(t).isEqualTo("An internal server. | " + today.plusDays(90) + ": 90 days from first detection "
                        + today + " (policy)"));
            }
        }
    }

    private static void evidence(RemediationFixture fx, long id, String json) throws Exception {
        try (java.sql.Connection c = fx.db.connection(); java.sql.PreparedStatement ps = c.prepareStatement("UPDATE finding SET evidence = ? WHERE id = ?")) {
            ps.setString(1, json);
            ps.setLong(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void onlyFormulaStartsArePrefixed() {
        List<String> out = new ArrayList<>();
        for (String s : List.of("=1+1", "+81-3", "-5", "@x", "\tx", "CVE-1", "テレワーク", "")) out.add(CellText.safe(s));
        assertThat(out).containsExactly("'=1+1", "'+81-3", "'-5", "'@x", "'\tx", "CVE-1", "テレワーク", "");
    }

    private static List<String> row(Row r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.getLastCellNum(); i++) {
            Cell c = r.getCell(i);
            out.add(c == null ? "" : TEXT.formatCellValue(c));
        }
        return out;
    }
}
