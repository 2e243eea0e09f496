package jp.mamori.detection.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import jp.mamori.detection.logs.BoundedLines;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.rules.AllowKind;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.SigmaRules;
import jp.mamori.detection.sample.SyntheticLogs;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detection topology on Kafka Streams' TopologyTestDriver (the real topology, stores and
 * punctuations, no broker): it finds exactly what the batch import finds on the same lines, keeps
 * organisations apart, keeps its state in the stores, and drops records it cannot place.
 */
class DetectionTopologyTest {

    static final String TOPIC = "mamori-logs";
    static final String FMT = SyntheticLogs.SQUID_FORMAT;
    static final DetectionEngine.Device GATEWAY = new DetectionEngine.Device("vpn-gw-01", true, List.of("CVE-2023-4966"));
    static final DetectionPolicy POLICY = new DetectionPolicy(List.of(new AllowEntry(AllowKind.SANCTIONED_DOMAIN, "mamori-city.sharepoint.com", null)),
            DetectionPolicy.Thresholds.defaults(), DetectionPolicy.TOKYO);
    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir Path state;

    /** Mamori's side, in memory: what the application layer does against the database. */
    static final class Rules implements OrganisationRules {
        final Map<String, List<Detection>> stored = new ConcurrentHashMap<>();
        final Map<String, List<DetectionEngine.Desktop>> desktops = new ConcurrentHashMap<>();
        volatile long version = 1;

        @Override
        public Settings settings(String org) {
            return org.startsWith("9990") ? new Settings(POLICY, List.of(), version) : null;
        }

        @Override
        public DetectionEngine.Device device(String org, String asset) {
            return "vpn-gw-01".equals(asset) ? GATEWAY : asset == null ? DetectionEngine.Device.NONE : new DetectionEngine.Device(asset, false, List.of());
        }

        @Override
        public void detected(String org, List<Detection> ds, List<DetectionEngine.Desktop> learned) {
            stored.computeIfAbsent(org, o -> new ArrayList<>()).addAll(ds);
            desktops.computeIfAbsent(org, o -> new ArrayList<>()).addAll(learned);
        }
    }

    /** What the batch import's engine says on the same two files (gateway first, as the import orders them). */
    static List<Detection> batch(SyntheticLogs.Day day) throws Exception {
        List<Detection> out = new ArrayList<>();
        DetectionEngine engine = new DetectionEngine(POLICY, SigmaRules.shipped(), out::add);
        new LogReader().read(bytes(day.gateway()), new LogReader.Options(LogSource.NETSCALER, null, ZoneId.of("Asia/Tokyo"), NOW, 0),
                e -> engine.accept(e, "ns.log", GATEWAY));
        new LogReader().read(bytes(day.proxy()), new LogReader.Options(LogSource.SQUID, FMT, ZoneId.of("Asia/Tokyo"), NOW, 0),
                e -> engine.accept(e, "squid.log", DetectionEngine.Device.NONE));
        engine.finish();
        return sorted(out);
    }

    static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static List<Detection> sorted(List<Detection> ds) {
        List<Detection> l = new ArrayList<>(ds);
        l.sort(Comparator.comparing(Detection::fingerprint));
        return l;
    }

    /**
     * {@code persistent}: RocksDB stores, as in production. The driver commits and flushes every store after
     * every record — on RocksDB a memtable flush per line — so the cases that send a whole generated day use
     * in-memory stores (the same contents and key order, still changelogged); the cases on a few lines keep
     * RocksDB, and KafkaStreamsEndToEndTest runs RocksDB on a real broker.
     */
    TopologyTestDriver driver(Rules rules, boolean persistent) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "mamori-detection-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return new TopologyTestDriver(DetectionTopology.build(TOPIC, rules, DetectionTopology.DEFAULT_GRACE, new DetectionTopology.Counters(), persistent),
                p, NOW);
    }

    /** Sends a file's lines as `mamori logs publish` does: split by BoundedLines, numbered, one second of record time apart. */
    static void publish(TestInputTopic<String, String> in, String key, String format, String text, long[] clock) throws Exception {
        new BoundedLines().read(bytes(text), new BoundedLines.Sink() {
            @Override
            public void line(long lineNo, String line) {
                RecordHeaders h = new RecordHeaders();
                h.add(LogRecordKey.LINE_HEADER, Long.toString(lineNo).getBytes(StandardCharsets.UTF_8));
                if (format != null) h.add(LogRecordKey.FORMAT_HEADER, format.getBytes(StandardCharsets.UTF_8));
                in.pipeInput(new TestRecord<>(key, line, h, NOW.plusSeconds(clock[0]++)));
            }

            @Override
            public void rejected(long lineNo, String reason) { }
        });
    }

    static void end(TestInputTopic<String, String> in, String org, long[] clock) {
        RecordHeaders h = new RecordHeaders();
        h.add(LogRecordKey.CONTROL_HEADER, LogRecordKey.END.getBytes(StandardCharsets.UTF_8));
        in.pipeInput(new TestRecord<>(org + "||netscaler", null, h, NOW.plusSeconds(clock[0]++)));
    }

    static TestInputTopic<String, String> input(TopologyTestDriver d) {
        return d.createInputTopic(TOPIC, new StringSerializer(), new StringSerializer());
    }

    @Test
    void theTopologyFindsExactlyWhatTheBatchImportFindsOnTheSameLines() throws Exception {
        SyntheticLogs.Day day = SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 40, true, 7L);
        List<Detection> expected = batch(day);
        Rules rules = new Rules();
        try (TopologyTestDriver d = driver(rules, false)) {
            TestInputTopic<String, String> in = input(d);
            long[] clock = {0};
            publish(in, "999001|vpn-gw-01|netscaler|ns.log", null, day.gateway(), clock);
            // session rules speak at once, before the input ends
            assertThat(rules.stored.get("999001")).extracting(Detection::rule).contains("session-ip-drift");
            publish(in, "999001||squid|squid.log", FMT, day.proxy(), clock);
            end(in, "999001", clock);
        }
        List<Detection> streamed = sorted(rules.stored.get("999001"));
        assertThat(streamed).containsExactlyElementsOf(expected);
        // and what that is, by hand: each hijacked user's session taken over, the VDI entered from the attacker's address, the upload
        for (String user : SyntheticLogs.HIJACKED) {
            assertThat(streamed).filteredOn(x -> user.equals(x.user())).extracting(Detection::rule)
                    .contains("session-ip-drift", "vdi-launch-from-new-address", "storage-upload-volume");
        }
        assertThat(streamed).filteredOn(x -> x.rule().equals("session-ip-drift")).extracting(Detection::user)
                .containsExactlyInAnyOrderElementsOf(SyntheticLogs.HIJACKED);
        assertThat(streamed).filteredOn(x -> x.rule().equals("session-ip-drift")).allSatisfy(x -> {
            assertThat(x.vulnId()).isEqualTo("CVE-2023-4966");
            assertThat(x.evidence()).extracting(e -> e.file()).containsOnly("ns.log");
        });
        assertThat(rules.desktops.get("999001")).isNotEmpty();
    }

    @Test
    void organisationsOnOneTopicNeverCorrelateAndEachFindsWhatItsOwnImportFinds() throws Exception {
        SyntheticLogs.Day day = SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 20, true, 7L);
        List<Detection> expected = batch(day);
        Rules rules = new Rules();
        try (TopologyTestDriver d = driver(rules, false)) {
            TestInputTopic<String, String> in = input(d);
            long[] clock = {0};
            // the same day under two organisations, interleaved line by line through one topic
            List<String> gw = day.gateway().lines().toList(), px = day.proxy().lines().toList();
            for (int i = 0; i < gw.size(); i++) {
                for (String org : List.of("999001", "999002")) {
                    RecordHeaders h = new RecordHeaders();
                    h.add(LogRecordKey.LINE_HEADER, Long.toString(i + 1).getBytes(StandardCharsets.UTF_8));
                    in.pipeInput(new TestRecord<>(org + "|vpn-gw-01|netscaler|ns.log", gw.get(i), h, NOW.plusSeconds(clock[0]++)));
                }
            }
            for (int i = 0; i < px.size(); i++) {
                for (String org : List.of("999001", "999002")) {
                    RecordHeaders h = new RecordHeaders();
                    h.add(LogRecordKey.LINE_HEADER, Long.toString(i + 1).getBytes(StandardCharsets.UTF_8));
                    h.add(LogRecordKey.FORMAT_HEADER, FMT.getBytes(StandardCharsets.UTF_8));
                    in.pipeInput(new TestRecord<>(org + "||squid|squid.log", px.get(i), h, NOW.plusSeconds(clock[0]++)));
                }
            }
            end(in, "999001", clock);
            end(in, "999002", clock);
        }
        assertThat(sorted(rules.stored.get("999001"))).containsExactlyElementsOf(expected);
        assertThat(sorted(rules.stored.get("999002"))).containsExactlyElementsOf(expected);
    }

    @Test
    void theRulesStateLivesInTheStoresNotInTheEngine() throws Exception {
        Rules rules = new Rules();
        try (TopologyTestDriver d = driver(rules, true)) {
            TestInputTopic<String, String> in = input(d);
            long[] clock = {0};
            String key = "999001|vpn-gw-01|netscaler|ns.log";
            publish(in, key, null, String.join("\n",
                    ns("11/24/2026:00:00:00", "SSLVPN LOGIN", "Context alice@198.51.100.7 - SessionId: 5001 - User alice - Client_ip 198.51.100.7 - Nat_ip \"Mapped Ip\" - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\""),
                    tcp("11/24/2026:00:10:00", "198.51.100.7")), clock);
            // the organisation's settings change: its engine is made anew over the same stores
            rules.version = 2;
            publish(in, key, null, tcp("11/24/2026:04:05:00", "203.0.113.9"), clock);
        }
        assertThat(rules.stored.get("999001")).extracting(Detection::rule).containsExactly("session-ip-drift");
        assertThat(rules.stored.get("999001").get(0).sourceIps()).containsExactly("198.51.100.7", "203.0.113.9");
    }

    @Test
    void recordsWithoutAUsableKeyOrOfAnUnknownOrganisationAreCountedAndDropped() throws Exception {
        Rules rules = new Rules();
        DetectionTopology.Counters counters = new DetectionTopology.Counters();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "mamori-detection-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        try (TopologyTestDriver d = new TopologyTestDriver(DetectionTopology.build(TOPIC, rules, DetectionTopology.DEFAULT_GRACE, counters), p, NOW)) {
            TestInputTopic<String, String> in = input(d);
            in.pipeInput(null, tcp("11/24/2026:04:05:00", "203.0.113.9"));
            in.pipeInput("999001", tcp("11/24/2026:04:05:00", "203.0.113.9"));
            in.pipeInput("999001|vpn-gw-01|no-such-format", tcp("11/24/2026:04:05:00", "203.0.113.9"));
            in.pipeInput("123456|vpn-gw-01|netscaler", tcp("11/24/2026:04:05:00", "203.0.113.9"));
            in.pipeInput("999001|vpn-gw-01|netscaler", "this is not a NetScaler line");
        }
        assertThat(counters.rejected.get()).isEqualTo(4);
        assertThat(counters.unknownOrganisations.get()).isEqualTo(1);
        assertThat(counters.lines.get()).isEqualTo(1);
        assertThat(rules.stored).isEmpty();
    }

    /**
     * ADR 0016's open end: "what was said" is remembered by fingerprint so that lines read again say
     * nothing twice — and forgotten once it is older than the retention on the organisation's log clock,
     * so the store does not grow without bound. A fingerprint from a store written before expiry existed
     * (no time) starts its retention at the first sweep.
     */
    @Test
    void fingerprintsOfWhatWasSaidAreForgottenAfterTheRetentionOnTheLogsClock() throws Exception {
        Rules rules = new Rules();
        DetectionTopology.Counters counters = new DetectionTopology.Counters();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "mamori-detection-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        java.time.Duration retention = java.time.Duration.ofDays(2);
        try (TopologyTestDriver d = new TopologyTestDriver(DetectionTopology.build(TOPIC, rules, DetectionTopology.DEFAULT_GRACE, retention, counters, true), p, NOW)) {
            TestInputTopic<String, String> in = input(d);
            org.apache.kafka.streams.state.KeyValueStore<String, byte[]> memory = d.getKeyValueStore(StoreState.MEMORY_STORE);
            String prefix = "emitted\u001f999001\u001f";
            memory.put(prefix + "legacy-fingerprint", jp.mamori.detection.rules.StateCodec.encode(Boolean.TRUE));
            long[] clock = {0};
            String key = "999001|vpn-gw-01|netscaler|ns.log";
            String hijack = String.join("\n",
                    ns("11/24/2026:00:00:00", "SSLVPN LOGIN", "Context alice@198.51.100.7 - SessionId: 5001 - User alice - Client_ip 198.51.100.7 - Nat_ip \"Mapped Ip\" - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\""),
                    tcp("11/24/2026:00:10:00", "198.51.100.7"), tcp("11/24/2026:04:05:00", "203.0.113.9"));
            publish(in, key, null, hijack, clock);
            assertThat(rules.stored.get("999001")).extracting(Detection::rule).containsExactly("session-ip-drift");
            String fingerprint = rules.stored.get("999001").get(0).fingerprint();
            assertThat(memory.get(prefix + fingerprint)).as("remembered with the log time it was said at").isNotNull();
            assertThat(jp.mamori.detection.rules.StateCodec.decode(memory.get(prefix + fingerprint))).isInstanceOf(Instant.class);

            // read again (a task restarted from an older offset): nothing said twice
            publish(in, key, null, hijack, clock);
            assertThat(rules.stored.get("999001")).hasSize(1);

            // a day later on the log's clock (and a sweep on stream time): still within the retention, kept; the legacy entry gets a time
            clock[0] += 120;
            publish(in, key, null, login("11/25/2026:04:10:00", "bob", "6001", "198.51.100.8"), clock);
            clock[0] += 120;
            publish(in, key, null, login("11/25/2026:04:20:00", "bob", "6002", "198.51.100.8"), clock);
            assertThat(memory.get(prefix + fingerprint)).as("within the retention").isNotNull();
            assertThat(jp.mamori.detection.rules.StateCodec.decode(memory.get(prefix + "legacy-fingerprint"))).isInstanceOf(Instant.class);
            assertThat(counters.expiredFingerprints.get()).isZero();

            // five days later: both forgotten, and the store holds no fingerprint of what was said
            clock[0] += 120;
            publish(in, key, null, login("11/29/2026:05:00:00", "carol", "7001", "198.51.100.9"), clock);
            clock[0] += 120;
            publish(in, key, null, login("11/29/2026:05:10:00", "carol", "7002", "198.51.100.9"), clock);
            assertThat(memory.get(prefix + fingerprint)).as("older than the retention: forgotten").isNull();
            assertThat(memory.get(prefix + "legacy-fingerprint")).isNull();
            assertThat(counters.expiredFingerprints.get()).isEqualTo(2);
            try (var it = memory.prefixScan(prefix, new StringSerializer())) {
                assertThat(it.hasNext()).as("no fingerprint left").isFalse();
            }
        }
        // what was found is unchanged: one session hijack
        assertThat(rules.stored.get("999001")).extracting(Detection::rule).containsExactly("session-ip-drift");
    }

    @Test
    void aRetentionNoLongerThanTheGraceIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DetectionTopology.build(TOPIC, new Rules(), DetectionTopology.DEFAULT_GRACE,
                DetectionTopology.DEFAULT_GRACE, new DetectionTopology.Counters(), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention");
    }

    static String login(String time, String user, String sid, String ip) {
        return ns(time, "SSLVPN LOGIN", "Context " + user + "@" + ip + " - SessionId: " + sid + " - User " + user + " - Client_ip " + ip
                + " - Nat_ip \"Mapped Ip\" - Browser_type \"Mozilla/5.0\" - Group(s) \"STAFF\"");
    }

    static String ns(String time, String event, String msg) {
        return "<134> " + time + " GMT ns01 0-PPE-0 : default " + event + " 1 0 : " + msg;
    }

    static String tcp(String time, String ip) {
        return ns(time, "SSLVPN TCPCONNSTAT", "Context alice@" + ip + " - SessionId: 5001 - User alice - Client_ip " + ip
                + " - Nat_ip 192.0.2.20 - Source " + ip + ":4000 - Destination 10.20.0.5:2598 - Total_bytes_send 1 - Total_bytes_recv 2");
    }
}
