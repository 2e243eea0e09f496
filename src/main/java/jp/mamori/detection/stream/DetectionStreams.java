package jp.mamori.detection.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs {@link DetectionTopology} against a Kafka cluster. Every instance started with the same
 * application id shares the work: Kafka assigns the organisation partitions and moves a task (with
 * its state, from the changelog) when an instance stops. Processing is exactly-once on the Kafka
 * side; the database side is idempotent (detections by fingerprint).
 */
public final class DetectionStreams implements AutoCloseable {

    /** Where to connect and what to read. {@code stateDir} holds the local copies of the state stores. */
    public record Settings(String bootstrap, String topic, String applicationId, Path stateDir, int threads, Duration grace) {
        public Settings {
            if (bootstrap == null || bootstrap.isBlank()) throw new IllegalArgumentException("--bootstrap HOST:PORT が必要です / --bootstrap HOST:PORT is required");
            if (topic == null || topic.isBlank()) throw new IllegalArgumentException("--topic が必要です / --topic is required");
            if (applicationId == null || applicationId.isBlank()) applicationId = "mamori-detection";
            if (threads <= 0) threads = 1;
            if (grace == null) grace = DetectionTopology.DEFAULT_GRACE;
        }
    }

    private final KafkaStreams streams;
    private final DetectionTopology.Counters counters = new DetectionTopology.Counters();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public DetectionStreams(Settings s, OrganisationRules rules) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.threads());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        if (s.stateDir() != null) p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toString());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        this.streams = new KafkaStreams(DetectionTopology.build(s.topic(), rules, s.grace(), counters), p);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) stopped.countDown();
        });
    }

    public DetectionStreams start() {
        streams.start();
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public DetectionTopology.Counters counters() {
        return counters;
    }

    /** Blocks until the streams stop (an error, or {@link #close()} from a shutdown hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
