package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.junit.jupiter.api.Test;

/** {@code mamori demo --no-serve}: one command sets up the demo municipality and says what to patch first. */
class DemoIT {

    @Test
    void theDemoPutsTheTeleworkGatewayFirstAndIsRepeatable() throws Exception {
        Path data = Files.createTempDirectory("mamori-demo-");
        Result first = CliProcess.run("demo", "--no-serve", "--data", data.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("守里市").contains("直ちに対応(Act)");
        String firstRow = first.stdout().lines().filter(l -> l.startsWith("Act ")).findFirst().orElseThrow();
        assertThat(firstRow).as("an internet-boundary device first").contains("○");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        String gateway = first.stdout().lines().filter(l -> l.startsWith("Act ") && l.contains("CVE-2023-4966")).findFirst().orElseThrow();
        assertThat(gateway).as("mitigated now, patch by the decision's date: still listed, that date is its deadline")
                .contains("テレワーク用VPN/VDIゲートウェイ").contains("13.1-49.15").contains("回避策計画中")
                .contains(today.plusDays(14).toString()).doesNotContain("期限超過");
        assertThat(first.stdout()).as("no deadline years past on day one").doesNotContain("日超過").contains("期限超過 0 件");

        // The seed's organisational gaps (issue 14): the gateway's contract caps patches and leaves the device out of scope.
        assertThat(first.stdout()).contains("[上限あり]").contains("年4回まで").contains("[対象外機器]").contains("vpn-gw-01");
        assertThat(first.stdout()).contains("● 赤 要対応  保守契約に脆弱性対応の全工程を含める").contains("● 赤 要対応  インシデント時の役割分担（体制表）")
                .contains("▲ 黄 要注意  システム構成情報の定期共有").contains("▲ 黄 要注意  秘密保持契約（NDA）の事前締結")
                .contains("○ 緑 良好  インシデント対応事業者の確保");
        // Issue 15: the incident comes first, above what to patch first: exactly the three hijacked users, each with the upload and the gateway's finding
        String out = first.stdout();
        assertThat(out).contains("【不正アクセスの疑い】3 件");
        assertThat(out.indexOf("不正アクセスの疑い")).isLessThan(out.indexOf("今すぐ対応"));
        for (String user : new String[] {"suzuki.hanako", "tanaka.ichiro", "sato.yuki"}) {
            String line = out.lines().filter(l -> l.contains("利用者 " + user)).findFirst().orElseThrow();
            assertThat(line).contains("[緊急]");
        }
        assertThat(out.lines().filter(l -> l.contains("セッション乗っ取り → VDI 起動 →")).toList()).hasSize(3)
                .allSatisfy(l -> assertThat(l).contains("vpn-gw-01").contains("CVE-2023-4966").contains("MB 送信"));
        assertThat(out).contains("根拠 ns-20261124.log:").contains("根拠 squid-access-20261124.log:");
        Result incidents = CliProcess.run("incidents", "list", "--format", "json", "--data", data.toString());
        assertThat(incidents.exitCode()).as(incidents.toString()).isZero();
        assertThat(incidents.stdout()).contains("\"suzuki.hanako\"").contains("\"tanaka.ichiro\"").contains("\"sato.yuki\"").contains("\"state\" : \"open\"");
        Result detections = CliProcess.run("detections", "list", "--format", "json", "--data", data.toString());
        assertThat(detections.stdout()).contains("\"category\" : \"session-hijack\"").contains("\"category\" : \"exfiltration\"")
                .contains("\"file\" : \"ns-20261124.log\"");

        Result second = CliProcess.run("demo", "--no-serve", "--data", data.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).contains("作成済み").contains("already imported");
        String incidentsBlock = first.stdout().substring(first.stdout().indexOf("【不正アクセスの疑い】"), first.stdout().indexOf("詳細 / details"));
        assertThat(second.stdout()).as("the incidents read the same on a second run").contains(incidentsBlock);
        assertThat(second.stdout().lines().filter(l -> l.startsWith("Act ")).count())
                .as("running the demo again adds nothing").isEqualTo(first.stdout().lines().filter(l -> l.startsWith("Act ")).count());
        assertThat(table(second.stdout())).as("a second run prints the same table").isEqualTo(table(first.stdout()));

        assertThat(second.stdout()).contains("登録済み");
        String partnersPart = first.stdout().substring(first.stdout().indexOf("契約の指摘"));
        assertThat(second.stdout()).as("the partners part prints the same twice").contains(partnersPart.strip());
        Result contact = CliProcess.run("partner", "contact", "--data", data.toString());
        assertThat(contact.stdout()).contains("Eフォレンジック株式会社").contains("0120-000-119").contains("期限間近");
        Result issued = CliProcess.run("readiness", "issue", "--data", data.toString());
        assertThat(issued.exitCode()).as(issued.toString()).isZero();
        assertThat(issued.stdout()).contains("「証拠保全」の実施責任者（R）がいません").contains("200 日前").contains("SHA-256");

        Result assets = CliProcess.run("asset", "list", "--data", data.toString());
        assertThat(assets.stdout().lines().skip(2).findFirst().orElseThrow()).as("boundary devices first").contains("○");
        Result systems = CliProcess.run("system", "list", "--data", data.toString(), "--format", "json");
        assertThat(systems.stdout()).contains("テレワークシステム").contains("\"segment\" : \"internet\"");

        // New exploitation evidence: lodash (Track*) enters KEV → the finding is raised, gets the KEV deadline, people are told.
        String kev = Files.readString(Path.of("src/main/resources/demo/feeds/kev-demo.json")).replaceFirst("\"vulnerabilities\": \\[",
                "\"vulnerabilities\": [{\"cveID\": \"CVE-2021-23337\", \"vendorProject\": \"lodash\", \"product\": \"lodash\", "
                        + "\"vulnerabilityName\": \"lodash command injection\", \"dateAdded\": \"2026-11-20\", \"shortDescription\": \"test\", "
                        + "\"requiredAction\": \"Update lodash.\", \"dueDate\": \"2026-12-11\", \"knownRansomwareCampaignUse\": \"Unknown\", \"notes\": \"\"},");
        Path kevFile = Files.createTempFile("kev", ".json");
        Files.writeString(kevFile, kev);
        Result imported = CliProcess.run("feeds", "import", "--data", data.toString(), kevFile.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.stdout()).contains("更新 1").contains("通知 / notifications");
        String lodash = CliProcess.run("findings", "list", "--data", data.toString()).stdout().lines()
                .filter(l -> l.contains("CVE-2021-23337")).findFirst().orElseThrow();
        assertThat(lodash).contains("Attend").contains("2026-12-11");
    }

    /** The summary line and the table after it. */
    private static String table(String stdout) {
        int at = stdout.indexOf("今すぐ対応 —");
        assertThat(at).as(stdout).isPositive();
        int end = stdout.indexOf("\n\n", at);  // the partners part follows after a blank line
        return stdout.substring(stdout.lastIndexOf('\n', at) + 1, end < 0 ? stdout.length() : end);
    }
}
