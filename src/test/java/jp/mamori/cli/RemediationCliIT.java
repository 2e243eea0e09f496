package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The remediation issue's "done" scene on the packaged jar: in the demo the security officer records
 * "mitigate now, patch by a date" on the gateway finding, the post-compromise checklist appears on it,
 * an e-mail reaches a local SMTP server, and the Excel export lists the decision with its reason.
 */
class RemediationCliIT {

    private static GreenMail smtp;
    private static Path dir;
    private static Map<String, String> env;
    private static Result demo;

    @BeforeAll
    static void demo() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        dir = Files.createTempDirectory("mamori-remediation-it-");
        env = Map.of("MAMORI_SMTP_HOST", "127.0.0.1", "MAMORI_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "MAMORI_SMTP_FROM", "mamori@city.moriri.example");
        demo = CliProcess.run(env, null, "demo", "--no-serve", "--data", data());
    }

    @AfterAll
    static void stop() {
        if (smtp != null) smtp.stop();
    }

    private static String data() {
        return dir.resolve("data").toString();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Tokyo"));
    }

    private static long gatewayFinding() throws Exception {
        Result r = CliProcess.run(env, null, "findings", "list", "--format", "json", "--data", data());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (JsonNode f : new ObjectMapper().readTree(r.stdout()).get("findings")) {
            if (f.get("vulnId").asText().equals("CVE-2023-4966") && f.at("/asset/code").asText().equals("vpn-gw-01")) return f.get("id").asLong();
        }
        throw new AssertionError("no gateway finding in " + r.stdout());
    }

    @Test
    void theOfficersDecisionCarriesTheChecklistIsMailedAndIsInTheExcelExport() throws Exception {
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        String patchBy = today().plusDays(14).toString();
        assertThat(demo.stdout()).contains("回避策計画中").contains("パッチ期限 " + patchBy).contains("確立済みのセッションをすべて切断する");

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).isNotEmpty();
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("sec-officer@city.moriri.example");
        assertThat((String) mails[0].getContent()).contains("CVE-2023-4966").contains("vpn-gw-01").contains(patchBy);

        long id = gatewayFinding();
        Result show = CliProcess.run(env, null, "findings", "show", String.valueOf(id), "--data", data());
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.stdout()).contains("回避策を適用（mitigate）").contains("判断者 mamori-demo")
                .contains("確立済みのセッションをすべて切断する").contains("装置を利用したアカウントの認証情報をリセットする")
                .contains("アクセスログを確認する").contains("新たに作成された管理者アカウント").contains("Webシェル");

        Path xlsx = dir.resolve("findings.xlsx");
        Result export = CliProcess.run(env, null, "export", "findings", "--format", "xlsx", xlsx.toString(), "--data", data());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("検出");
            DataFormatter f = new DataFormatter();
            List<String> gateway = null;
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getLastCellNum(); i++) cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
                if (cells.contains("CVE-2023-4966")) gateway = cells;
            }
            assertThat(gateway).isNotNull();
            assertThat(gateway.get(12)).isEqualTo("回避策を適用");
            assertThat(gateway.get(13)).startsWith("直ちにベンダーの回避策を適用し").contains(patchBy);
            assertThat(gateway.get(14)).as("the demo records its own decision under its own name").isEqualTo("mamori-demo");
            assertThat(gateway.get(16)).isEqualTo(patchBy);
            assertThat(wb.getSheet("対応判断").getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheet("回避策").getLastRowNum()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void badDecisionsExitWithTwoAndSayWhy() throws Exception {
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        Result unknown = CliProcess.run(env, null, "findings", "decide", "999999", "--action", "patch", "--reason", "x",
                "--until", today().plusDays(3).toString(), "--data", data());
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.stderr()).contains("#999999").contains("no finding");

        long id = gatewayFinding();
        Result transition = CliProcess.run(env, null, "findings", "decide", String.valueOf(id), "--action", "triage", "--reason", "x", "--data", data());
        assertThat(transition.exitCode()).as(transition.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(transition.stderr()).contains("mitigation_planned → triaged").contains("回避策計画中");

        Result past = CliProcess.run(env, null, "findings", "decide", String.valueOf(id), "--action", "patch", "--reason", "x",
                "--until", today().minusDays(1).toString(), "--data", data());
        assertThat(past.exitCode()).as(past.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(past.stderr()).contains("in the past");

        Result badDate = CliProcess.run(env, null, "findings", "decide", String.valueOf(id), "--action", "patch", "--reason", "x",
                "--until", "next week", "--data", data());
        assertThat(badDate.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badDate.stderr()).contains("YYYY-MM-DD");
    }

    @Test
    void theDailyRunSendsTheDigestOnce() {
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        int before = smtp.getReceivedMessages().length;
        Result first = CliProcess.run(env, null, "remediation", "run-daily", "--data", data());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("期限超過");
        int after = smtp.getReceivedMessages().length;
        assertThat(after).isEqualTo(before + 1);
        Result second = CliProcess.run(env, null, "remediation", "run-daily", "--data", data());
        assertThat(second.exitCode()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(after);
    }
}
