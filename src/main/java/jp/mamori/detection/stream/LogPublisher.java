package jp.mamori.detection.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import jp.mamori.detection.logs.BoundedLines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts a log file on the log topic as {@link DetectionTopology} reads it — each line a record keyed
 * {@code ORG|ASSET|SOURCE|NAME} with its line number — for a shipper that has no Kafka output, for
 * replaying a day, and for the tests and the benchmark. Lines are split as the batch import splits
 * them ({@link BoundedLines}: .gz, long lines), so both runners see the same line numbers.
 */
public final class LogPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public LogPublisher(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    /** Sends every line; returns the number of lines sent. */
    public long publish(LogRecordKey key, String formatString, InputStream in) throws IOException {
        String k = key.format();
        long[] n = {0};
        new BoundedLines().read(in, new BoundedLines.Sink() {
            @Override
            public void line(long lineNo, String line) {
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, k, line);
                r.headers().add(LogRecordKey.LINE_HEADER, Long.toString(lineNo).getBytes(StandardCharsets.UTF_8));
                if (formatString != null) r.headers().add(LogRecordKey.FORMAT_HEADER, formatString.getBytes(StandardCharsets.UTF_8));
                producer.send(r);
                n[0]++;
            }

            @Override
            public void rejected(long lineNo, String reason) { }
        });
        return n[0];
    }

    /** Says that the organisation's input has ended: the topology closes its open windows (as the batch import does at its end). */
    public void end(String org) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, org + "||netscaler", null);
        r.headers().add(LogRecordKey.CONTROL_HEADER, LogRecordKey.END.getBytes(StandardCharsets.UTF_8));
        producer.send(r);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
