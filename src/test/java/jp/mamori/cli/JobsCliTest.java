package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.app.jobs.JobWorker;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mamori jobs list | show ID | nodes} read back the job table as an administrator reads it:
 * jobs queued with {@code jobs import} and {@code jobs daily-run}, taken by a real worker node
 * ({@link JobWorker}, node id {@code node-a}, heartbeating) on the same data directory — one done,
 * one done a second time asked for (the day's run is one row), one failed and waiting for its retry.
 */
class JobsCliTest {

    @TempDir Path dir;

    private static final Pattern QUEUED = Pattern.compile("ジョブを登録しました / queued job (\\d+) \\(([a-z.-]+), queued\\)");
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Test
    void listShowAndNodesPrintTheJobsANodeRan() throws Exception {
        InProcessCli cli = new InProcessCli(dir.resolve("data"));
        Path kev = Path.of("src/test/resources/feeds/kev/kev-2.json").toAbsolutePath();
        Path notAFeed = dir.resolve("memo.txt");
        Files.writeString(notAFeed, "これは脆弱性情報ではありません\n");
        Instant before = Instant.now().minusSeconds(1);

        long importJob = queued(cli.table("jobs", "import", "--source", "kev", kev.toString(), "--by", "情報政策課 田中"), "feeds.import");
        long dailyJob = queued(cli.table("jobs", "daily-run", "--by", "情報政策課 田中"), "remediation.daily-run");
        assertThat(cli.table("jobs", "daily-run", "--by", "佐藤")).contains("登録済みのジョブです / already queued as job " + dailyJob);
        long badJob = queued(cli.table("jobs", "import", notAFeed.toString(), "--by", "佐藤"), "feeds.import");

        String waiting = cli.table("jobs", "list", "--state", "queued");
        assertThat(row(waiting, importJob)).containsSubsequence("feeds.import", "queued", "0/3", "情報政策課 田中");
        assertThat(row(waiting, dailyJob)).containsSubsequence("remediation.daily-run", "queued", "0/3", "情報政策課 田中");
        assertThat(row(waiting, badJob)).containsSubsequence("feeds.import", "queued", "0/3", "佐藤");
        assertThat(cli.table("jobs", "nodes")).doesNotContain("node-a");

        try (Mamori m = Mamori.owning(Database.open(DatabaseSettings.embedded(cli.data)), Clock.systemUTC(), MamoriSettings.of(cli.data));
             JobWorker worker = new JobWorker(m, new JobWorker.Settings(Duration.ofSeconds(60), Duration.ofMillis(100), null), "node-a")) {
            worker.start();
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (cli.json("jobs", "list", "--state", "done").size() < 2 || show(cli, badJob).get("attempts").asInt() < 1) {
                if (System.nanoTime() > until) throw new AssertionError(cli.table("jobs", "list"));
                Thread.sleep(100);
            }
            Instant after = Instant.now();

            String nodes = cli.table("jobs", "nodes");
            String[] node = row(nodes, "node-a");
            assertThat(jst(node[node.length - 1])).isBetween(before, after.plusSeconds(1));

            String list = cli.table("jobs", "list");
            assertThat(list.lines().findFirst().orElseThrow()).containsSubsequence("ID", "種類 / kind", "状態 / state", "試行 / tries", "ノード / node", "依頼 / by");
            String[] imported = row(list, importJob);
            assertThat(String.join(" ", imported)).containsSubsequence("feeds.import", "done", "1/3", "node-a", "情報政策課 田中", "documents=1 failed=0");
            assertThat(String.join(" ", row(list, dailyJob))).containsSubsequence("remediation.daily-run", "done", "1/3", "node-a", "情報政策課 田中");
            // the failed attempt waits 30 s for its retry: queued again, one try spent, and why
            assertThat(String.join(" ", row(list, badJob))).containsSubsequence("feeds.import", "queued", "1/3", "node-a", "佐藤", "memo.txt");
            assertThat(cli.table("jobs", "list", "--state", "done")).doesNotContain("memo.txt");

            JsonNode shown = show(cli, importJob);
            assertThat(shown.get("id").asLong()).isEqualTo(importJob);
            assertThat(shown.get("kind").asText()).isEqualTo("feeds.import");
            assertThat(shown.get("state").asText()).isEqualTo("done");
            assertThat(shown.get("attempts").asInt()).isEqualTo(1);
            assertThat(shown.get("maxAttempts").asInt()).isEqualTo(3);
            assertThat(shown.get("node").asText()).isEqualTo("node-a");
            assertThat(shown.get("requestedBy").asText()).isEqualTo("情報政策課 田中");
            assertThat(shown.get("result").asText()).startsWith("documents=1 failed=0");
            assertThat(shown.get("payload").asText()).contains(kev.toString()).contains("kev");
            Instant created = OffsetDateTime.parse(shown.get("created").asText()).toInstant();
            Instant finished = OffsetDateTime.parse(shown.get("finished").asText()).toInstant();
            assertThat(shown.get("finished").asText()).endsWith("+09:00");
            assertThat(created).isBetween(before, after);
            assertThat(finished).isBetween(created, after);
            assertThat(jst(imported[7])).isEqualTo(finished.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

            JsonNode failed = show(cli, badJob);
            assertThat(failed.get("state").asText()).isEqualTo("queued");
            assertThat(failed.get("lastError").asText()).contains("memo.txt");
            // what the feed import did is real: the two KEV entries are in the knowledge base
            assertThat(cli.table("vuln", "show", "CVE-2023-4966")).contains("CISA KEV: 追加 2023-10-18");
        }
        assertThat(cli.table("jobs", "nodes")).as("a node that stops leaves the list").doesNotContain("node-a");
        InProcessCli.Run missing = cli.onData("jobs", "show", "999999");
        assertThat(missing.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("no job 999999");
    }

    /** {@code jobs show ID} prints the job as JSON. */
    private static JsonNode show(InProcessCli cli, long id) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.table("jobs", "show", String.valueOf(id)));
    }

    private static long queued(String printed, String kind) {
        Matcher m = QUEUED.matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        assertThat(m.group(2)).isEqualTo(kind);
        return Long.parseLong(m.group(1));
    }

    /** The cells of the table row whose first cell is {@code first}, split on runs of two or more spaces. */
    private static String[] row(String table, Object first) {
        return table.lines().map(l -> l.strip().split("\\s{2,}"))
                .filter(c -> c.length > 0 && c[0].equals(String.valueOf(first))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + table));
    }

    private static Instant jst(String printed) {
        OffsetDateTime t = OffsetDateTime.parse(printed.strip(), PRINTED);
        assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        return t.toInstant();
    }
}
