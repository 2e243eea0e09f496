package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mamori.audit.AuditEvent;
import jp.mamori.audit.AuditLog;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.7: "running the demo again changes nothing" is true of its output — a second {@code mamori
 * demo} into the same data directory prints the same incidents, checklist, worklist and partners
 * tables (only the lines saying what it created the first time differ); the demo's own actions are
 * audited under the named demo actor, with the OS account that ran it, and only once.
 */
class DemoTwiceTest {

    /** Lines that say what this run did (created, imported, notified), not what the data is. */
    static final List<String> RUN_LINES = List.of("通知 / notifications", "注意 / warning: 通知できませんでした", "対応判断 / decision:",
            "対応判断は記録済みです", "契約・IR事業者・体制表");

    @Test
    void aSecondRunPrintsTheSameTablesAndTheDemosActionsAreAuditedOnce() throws Exception {
        Path data = Files.createTempDirectory("mamori-demo-twice-");
        String first = demo(data);
        String second = demo(data);
        assertThat(second).contains("作成済み").contains("記録済み").contains("登録済み");
        assertThat(tables(second)).as("the second run prints the same tables").isEqualTo(tables(first));
        assertThat(tables(first)).contains("【不正アクセスの疑い】").contains("回避策・侵害確認チェックリスト").contains("今すぐ対応 —")
                .contains("契約の指摘").contains("準備状況").contains("【守里県セキュリティクラウド（デモ）】参加団体の状況");
        assertThat(second).contains("デモの都道府県セキュリティクラウドは作成済みです").doesNotContain("PREFECTURE_OPERATOR");
        assertThat(first).as("the prefecture operator's one-time password, once").contains("PREFECTURE_OPERATOR");

        try (Database db = Database.open(DatabaseSettings.embedded(data))) {
            List<AuditEvent> events = new AuditLog(db.dataSource()).list(null, true, null, 1000);
            List<AuditEvent> decided = events.stream().filter(e -> e.action().equals("finding.decided")).toList();
            assertThat(decided).as("the demo's decision, recorded once").singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("mamori-demo");
                assertThat(e.detail()).contains("via=demo os=" + System.getProperty("user.name")).contains("vuln=CVE-2023-4966");
            });
            // 守里市's six SBOMs and 守里町's two
            assertThat(events).filteredOn(e -> e.action().equals("sbom.added")).hasSize(8)
                    .allSatisfy(e -> assertThat(e.actor()).isEqualTo("mamori-demo"));
            assertThat(events).filteredOn(e -> e.action().equals("organization.created")).hasSize(3)
                    .allSatisfy(e -> assertThat(e.detail()).contains("via=demo"));
            assertThat(events).filteredOn(e -> e.action().equals("prefecture.member_added")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.actor()).isEqualTo("mamori-demo"));
            assertThat(events).filteredOn(e -> e.action().equals("organization.settings_changed")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("cli_default=999999"));
            // issue 12.8: the audit page reads every entry the demo writes in words, keys and values
            assertThat(events).allSatisfy(e -> {
                assertThat(jp.mamori.app.AuditWords.unlabelledKeys(e.action(), e.detail())).as(e.action() + " " + e.detail()).isEmpty();
                String ja = jp.mamori.app.AuditWords.detail(e.action(), e.detail(), false);
                assertThat(ja == null ? "" : ja).as(e.action() + " " + e.detail())
                        .doesNotContainPattern("(?<![\\w-])(maintenance|active|true|false|present|absent|partial|municipality|prefecture|internet|lgwan"
                                + "|NETWORK_APPLIANCE|SERVER|OPEN|CONTROLLED|SECURITY_OFFICER|PREFECTURE_OPERATOR|SYSTEM_ADMIN|VENDOR|AUDITOR|ir|via|demo)(?![\\w-])")
                        .doesNotContain("lines,").doesNotContain("rejected");
            });
            assertThat(events).filteredOn(e -> e.action().equals("contract.checklist_answered")).isNotEmpty()
                    .allSatisfy(e -> assertThat(jp.mamori.app.AuditWords.detail(e.action(), e.detail(), false)).contains("操作経路: デモ").contains(": 有"));
        }
    }

    /** From the first table on, without the lines about this run's own actions. */
    private static String tables(String out) {
        int at = out.indexOf("【不正アクセスの疑い】");
        assertThat(at).as(out).isPositive();
        StringBuilder sb = new StringBuilder();
        for (String line : out.substring(at).split("\n")) {
            if (RUN_LINES.stream().anyMatch(line::startsWith)) continue;
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static String demo(Path data) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = MamoriMain.run("demo", "--no-serve", "--data", data.toString());
        } finally {
            System.setOut(was);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(text).isZero();
        return text;
    }
}
