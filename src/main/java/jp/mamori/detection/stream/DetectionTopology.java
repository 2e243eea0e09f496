package jp.mamori.detection.stream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The detection rules as a Kafka Streams topology: lines of every organisation's gateways and
 * proxies come in on one topic, keyed {@code ORG|ASSET|SOURCE[|NAME]} ({@link LogRecordKey}); they
 * are re-keyed by organisation and repartitioned, so that each organisation's lines are read by one
 * task in order — the rules correlate a user's sessions across gateways and a desktop's launches with
 * its proxy traffic, so the organisation is the unit that must not be split. There the same
 * {@link jp.mamori.detection.rules.DetectionEngine} as the batch import runs over state stores
 * (sessions and users, upload and Sigma windows, desktops, what was said), persistent and
 * changelogged, so another instance takes over a task where it stopped. Detections go to the
 * database through {@link OrganisationRules#detected}; the store there ignores a detection it already
 * has, so lines read again after a failure say nothing twice.
 */
public final class DetectionTopology {

    /** Windows (upload hours, Sigma days) are said when the organisation's newest line is this much past their end. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);

    /**
     * What was said is remembered (to say nothing twice when lines are read again after a failure) for this
     * long on the organisation's log clock, then forgotten (ADR 0016); the database still keeps one
     * detection per fingerprint.
     */
    public static final Duration DEFAULT_FINGERPRINT_RETENTION = Duration.ofDays(7);

    /** Counts for the operator and the benchmark (all tasks of this instance). */
    public static final class Counters {
        public final AtomicLong lines = new AtomicLong(), events = new AtomicLong(), rejected = new AtomicLong(),
                unknownOrganisations = new AtomicLong(), detections = new AtomicLong(), ends = new AtomicLong(),
                expiredFingerprints = new AtomicLong();
    }

    private DetectionTopology() { }

    public static Topology build(String topic, OrganisationRules rules, Duration grace, Counters counters) {
        return build(topic, rules, grace, counters, true);
    }

    /**
     * {@code persistent}: RocksDB stores (production); false: in-memory stores, still changelogged — for
     * the benchmark on TopologyTestDriver, which commits and flushes every store after every record.
     */
    public static Topology build(String topic, OrganisationRules rules, Duration grace, Counters counters, boolean persistent) {
        return build(topic, rules, grace, DEFAULT_FINGERPRINT_RETENTION, counters, persistent);
    }

    /** {@code retention}: how long (log time) the fingerprints of what was said are kept. */
    public static Topology build(String topic, OrganisationRules rules, Duration grace, Duration retention, Counters counters, boolean persistent) {
        if (retention.compareTo(grace) <= 0) throw new IllegalArgumentException("the fingerprint retention must be longer than the grace period");
        StreamsBuilder b = new StreamsBuilder();
        for (String store : StoreState.STORES) {
            b.addStateStore(Stores.keyValueStoreBuilder(persistent ? Stores.persistentKeyValueStore(store) : Stores.inMemoryKeyValueStore(store),
                    Serdes.String(), Serdes.ByteArray()));
        }
        b.stream(topic, Consumed.with(Serdes.String(), Serdes.String()).withName("log-lines"))
                .process(() -> new ByOrganisation(counters))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("by-organisation"))
                .process(() -> new DetectionProcessor(rules, grace, retention, counters), StoreState.STORES.toArray(String[]::new));
        return b.build();
    }
}
