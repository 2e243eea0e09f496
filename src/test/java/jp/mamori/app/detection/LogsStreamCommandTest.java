package jp.mamori.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.cli.MamoriMain;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.sample.SyntheticLogs;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code mamori logs stream --bootstrap HOST:PORT --topic T} as the README tells it: a process of its
 * own (the command line, not the API) on the cloud's PostgreSQL, reading a real Kafka broker (KRaft,
 * in this JVM). It says it started, stores the detections and incidents the batch import stores for
 * the same lines while it runs, and on Ctrl-C (SIGTERM) stops and says how many lines and detections it saw.
 */
class LogsStreamCommandTest {

    static final String TOPIC = "gateway-logs";

    @TempDir Path dir;

    @Test
    void theCommandDetectsOnTheTopicUntilStoppedAndSaysWhatItDid() throws Exception {
        DatabaseSettings pg = TestDatabases.postgres();
        // one partition: the gateway's lines are read before the proxy's, as they were written
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        Process p = null;
        try (Database db = Database.open(pg)) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long imported = ImportLogsTest.org(m, "999001", "守里市");
            long streamed = ImportLogsTest.org(m, "999002", "守里市（Kafka）");
            SyntheticLogs.Day day = SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 20, true, 5L);
            ImportLogsTest importer = new ImportLogsTest();
            importer.dir = dir;
            importer.importDay(m, imported, day, "");
            List<StreamDetectionsTest.Seen> fromImport = StreamDetectionsTest.detections(m, imported);
            assertThat(fromImport).extracting(StreamDetectionsTest.Seen::rule).contains("session-ip-drift", "storage-upload-volume");

            Path out = dir.resolve("stream.out");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), MamoriMain.class.getName(),
                    "logs", "stream", "--data", dir.resolve("data").toString(), "--bootstrap", broker.getBrokersAsString(), "--topic", TOPIC,
                    "--application-id", "mamori-cli-test", "--state-dir", dir.resolve("state").toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put(DatabaseSettings.ENV_URL, pg.url());
            pb.environment().put(DatabaseSettings.ENV_USER, pg.user());
            pb.environment().put(DatabaseSettings.ENV_PASSWORD, pg.password());
            p = pb.start();

            Path gw = dir.resolve("ns.log"), px = dir.resolve("squid.log");
            Files.writeString(gw, day.gateway(), StandardCharsets.UTF_8);
            Files.writeString(px, day.proxy(), StandardCharsets.UTF_8);
            long sent = m.streamDetections().publish(broker.getBrokersAsString(), TOPIC, "999002", List.of(
                    new StreamDetections.Publish(gw, "ns.log", "vpn-gw-01", LogSource.NETSCALER, null),
                    new StreamDetections.Publish(px, "squid.log", null, LogSource.SQUID, SyntheticLogs.SQUID_FORMAT)));
            assertThat(sent).isEqualTo(day.gateway().lines().count() + day.proxy().lines().count());

            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (StreamDetectionsTest.detections(m, streamed).size() < fromImport.size()
                    || StreamDetectionsTest.incidents(m, streamed).size() < SyntheticLogs.HIJACKED.size()) {
                assertThat(p.isAlive()).as("logs stream is running: " + Files.readString(out)).isTrue();
                if (System.nanoTime() > until) throw new AssertionError("no detections in 3 minutes: " + Files.readString(out));
                Thread.sleep(300);
            }
            assertThat(StreamDetectionsTest.detections(m, streamed)).containsExactlyElementsOf(fromImport);
            assertThat(StreamDetectionsTest.incidents(m, streamed)).containsExactlyElementsOf(StreamDetectionsTest.incidents(m, imported))
                    .extracting(StreamDetectionsTest.SeenIncident::user).containsExactlyElementsOf(SyntheticLogs.HIJACKED.stream().sorted().toList());

            p.destroy(); // SIGTERM, as Ctrl-C
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("stopped on SIGTERM").isTrue();
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(printed).contains("検知を開始しました / detecting on " + TOPIC + " at " + broker.getBrokersAsString() + " (application id mamori-cli-test)");
            assertThat(printed).contains("停止しました / stopped: " + sent + " 行 / lines, " + fromImport.size() + " 件の検知 / detections");
        } finally {
            if (p != null) p.destroyForcibly();
            broker.destroy();
        }
    }
}
