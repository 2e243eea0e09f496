package jp.mamori.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.sample.SyntheticLogs;
import jp.mamori.detection.stream.DetectionStreams;
import jp.mamori.detection.stream.LogPublisher;
import jp.mamori.detection.stream.LogRecordKey;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code mamori logs publish} → a real Kafka broker (KRaft, in this JVM) → {@code mamori logs
 * stream} (Kafka Streams, exactly-once, a repartition by organisation) → the database: the same
 * detections and incidents as the batch import of the same files.
 */
class KafkaStreamsEndToEndTest {

    static final String TOPIC = "mamori-logs";

    @TempDir Path dir;

    @Test
    void linesPublishedToABrokerEndAsTheSameDetectionsAsTheirImport() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        try (Database db = Database.open(TestDatabases.h2())) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long imported = ImportLogsTest.org(m, "999001", "守里市");
            long streamed = ImportLogsTest.org(m, "999002", "守里市（Kafka）");
            SyntheticLogs.Day day = SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 30, true, 11L);
            ImportLogsTest importer = new ImportLogsTest();
            importer.dir = dir;
            importer.importDay(m, imported, day, "");

            DetectionStreams.Settings settings = new DetectionStreams.Settings(broker.getBrokersAsString(), TOPIC, "mamori-detection-it",
                    dir.resolve("state"), 1, null);
            try (DetectionStreams streams = m.streamDetections().start(settings)) {
                // the gateway's day first, as its lines come before the proxy's in real time
                long gatewayLines;
                try (LogPublisher p = new LogPublisher(broker.getBrokersAsString(), TOPIC)) {
                    gatewayLines = p.publish(new LogRecordKey("999002", "vpn-gw-01", LogSource.NETSCALER, "ns.log"), null,
                            new ByteArrayInputStream(day.gateway().getBytes(StandardCharsets.UTF_8)));
                    p.flush();
                }
                await(() -> streams.counters().lines.get() >= gatewayLines, streams);
                Path proxy = dir.resolve("squid.log");
                Files.writeString(proxy, day.proxy(), StandardCharsets.UTF_8);
                m.streamDetections().publish(broker.getBrokersAsString(), TOPIC, "999002",
                        List.of(new StreamDetections.Publish(proxy, "squid.log", null, LogSource.SQUID, SyntheticLogs.SQUID_FORMAT)));
                await(() -> streams.counters().ends.get() >= 1, streams);
                assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }

            List<StreamDetectionsTest.Seen> fromImport = StreamDetectionsTest.detections(m, imported);
            assertThat(fromImport).extracting(StreamDetectionsTest.Seen::rule).contains("session-ip-drift", "storage-upload-volume");
            assertThat(StreamDetectionsTest.detections(m, streamed)).containsExactlyElementsOf(fromImport);
            assertThat(StreamDetectionsTest.incidents(m, streamed)).containsExactlyElementsOf(StreamDetectionsTest.incidents(m, imported))
                    .extracting(StreamDetectionsTest.SeenIncident::user).containsExactlyElementsOf(SyntheticLogs.HIJACKED.stream().sorted().toList());
        } finally {
            broker.destroy();
        }
    }

    static void await(BooleanSupplier done, DetectionStreams streams) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(streams.state()).as("streams state").isNotIn(KafkaStreams.State.ERROR, KafkaStreams.State.NOT_RUNNING);
            if (System.nanoTime() > until) throw new AssertionError("timed out; streams " + streams.state() + ", lines " + streams.counters().lines.get());
            Thread.sleep(200);
        }
    }
}
