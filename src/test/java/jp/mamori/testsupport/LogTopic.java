package jp.mamori.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import jp.mamori.detection.logs.BoundedLines;
import jp.mamori.detection.stream.DetectionTopology;
import jp.mamori.detection.stream.LogRecordKey;
import jp.mamori.detection.stream.OrganisationRules;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The detection topology on TopologyTestDriver, fed the way {@code mamori logs publish} feeds a topic.
 * Its stores are in memory (still changelogged, same String/byte[] contents and key order): the driver
 * commits and flushes every store after every record, which on RocksDB forces a memtable flush per line
 * and cost most of the tests' time; Kafka Streams never does that in production (it commits every
 * commit.interval.ms). The RocksDB stores run on a real broker in KafkaStreamsEndToEndTest.
 */
public final class LogTopic implements AutoCloseable {

    public static final String TOPIC = "mamori-logs";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> in;
    private final Instant start;
    private long seconds;

    public LogTopic(OrganisationRules rules, Path stateDir, Instant start) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "mamori-detection-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(DetectionTopology.build(TOPIC, rules, DetectionTopology.DEFAULT_GRACE, new DetectionTopology.Counters(), false), p, start);
        this.in = driver.createInputTopic(TOPIC, new StringSerializer(), new StringSerializer());
        this.start = start;
    }

    /** A file's lines, split and numbered as the batch import splits them, one second of record time apart. */
    public void publish(String key, String format, String text) throws IOException {
        new BoundedLines().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new BoundedLines.Sink() {
            @Override
            public void line(long lineNo, String line) {
                RecordHeaders h = new RecordHeaders();
                h.add(LogRecordKey.LINE_HEADER, Long.toString(lineNo).getBytes(StandardCharsets.UTF_8));
                if (format != null) h.add(LogRecordKey.FORMAT_HEADER, format.getBytes(StandardCharsets.UTF_8));
                in.pipeInput(new TestRecord<>(key, line, h, start.plusSeconds(seconds++)));
            }

            @Override
            public void rejected(long lineNo, String reason) { }
        });
    }

    public void end(String org) {
        RecordHeaders h = new RecordHeaders();
        h.add(LogRecordKey.CONTROL_HEADER, LogRecordKey.END.getBytes(StandardCharsets.UTF_8));
        in.pipeInput(new TestRecord<>(org + "||netscaler", null, h, start.plusSeconds(seconds++)));
    }

    @Override
    public void close() {
        driver.close();
    }
}
