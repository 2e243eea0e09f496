package jp.mamori.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jp.mamori.app.Actor;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditLog;
import jp.mamori.detection.logs.BoundedLines;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.rules.AllowKind;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.SigmaRules;
import jp.mamori.detection.sample.SyntheticLogs;
import jp.mamori.detection.stream.DetectionTopology;
import jp.mamori.detection.stream.LogRecordKey;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;
import jp.mamori.security.ApiTokenStore;
import jp.mamori.security.Role;
import jp.mamori.security.SecretBox;
import jp.mamori.security.UserStore;
import jp.mamori.web.MamoriWebApplication;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * P6 (issue 17): the findings list through the REST API with one {@code serve} node and with two on
 * one PostgreSQL (same machine: the point is no regression, not a speed-up), and the Kafka Streams
 * detection topology's throughput on generated logs of 60 organisations.
 */
public final class ScaleBench {
    private ScaleBench() { }

    // ---- API: one node and two

    public static void api(String pgUrl, String pgUser, Path work, int findings, int seconds, int clients, Figures figures) throws Exception {
        var fresh = BenchSchema.fresh(pgUrl, pgUser, "bench_p6", "P6 API");
        if (fresh.isEmpty()) return;
        DatabaseSettings settings = fresh.get();
        Path data = work.resolve("p6-data");
        Files.createDirectories(data);
        try (Database a = Database.open(settings); Database b = Database.open(settings)) {
            Mamori m = Mamori.open(a, Clock.systemUTC(), new MamoriSettings(data, Map.of()));
            InventoryRepository inv = m.inventory();
            long org = inv.createOrganization("980600", "ベンチ市", "municipality").id();
            long sys = inv.createSystem(org, "s", "業務", Segment.LGWAN, new Importance("2", "1", "1"), null, null, List.of()).id();
            long[] assets = new long[20];
            for (int i = 0; i < assets.length; i++) {
                assets[i] = inv.createAsset(org, sys, new InventoryRepository.NewAsset("a" + i, "server " + i, AssetKind.SERVER, null, null, null, null,
                        Exposure.CONTROLLED, i == 0, null)).id();
            }
            BenchData.insertFindings(a, org, sys, assets, findings, 6);
            try (Connection c = a.connection(); var s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            AuditLog audit = new AuditLog(a.dataSource());
            UserStore users = new UserStore(a.dataSource(), audit, SecretBox.load(data, System.getenv()), new BCryptPasswordEncoder(4), Clock.systemUTC());
            UserStore.Created u = users.create(new UserStore.NewUser("bench-auditor", null, Role.AUDITOR, org, Set.of(), null, false), "bench");
            users.changePassword(u.user().id(), u.oneTimePassword(), "Bench-P6-Password-2026!");
            String token = new ApiTokenStore(a.dataSource(), audit).issue(users.findById(u.user().id()).orElseThrow(), "bench", List.of("read"), 1, "bench").secret();

            ConfigurableApplicationContext nodeA = MamoriWebApplication.start(a, "127.0.0.1", 0, data);
            ConfigurableApplicationContext nodeB = null;
            try {
                int portA = port(nodeA);
                Load one = load(List.of(portA), token, seconds, clients);
                nodeB = MamoriWebApplication.start(b, "127.0.0.1", 0, data);
                Load two = load(List.of(portA, port(nodeB)), token, seconds, clients);
                System.out.printf(Locale.ROOT, "P6 API GET /api/v1/findings (%,d findings, 50 a page, random page, %d clients, %d s), PostgreSQL:%n", findings, clients, seconds);
                System.out.printf(Locale.ROOT, "    1 node : %7.1f requests/s, p50 %6.1f ms, p95 %6.1f ms, errors %d%n", one.perSecond, one.p50, one.p95, one.errors);
                System.out.printf(Locale.ROOT, "    2 nodes: %7.1f requests/s, p50 %6.1f ms, p95 %6.1f ms, errors %d (same machine, %d cores: no speed-up expected)%n",
                        two.perSecond, two.p50, two.p95, two.errors, Runtime.getRuntime().availableProcessors());
                // No target (issue 17): the point is that two nodes answer from one database, no errors and no regression.
                String note = String.format(Locale.ROOT, "%,d findings, %d clients, %d s", findings, clients, seconds);
                figures.info("P6 API findings list, 1 node", one.perSecond, "req/s",
                        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, %d errors; %s", one.p50, one.p95, one.errors, note));
                figures.info("P6 API findings list, 2 nodes", two.perSecond, "req/s",
                        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, %d errors; %s", two.p50, two.p95, two.errors, note));
            } finally {
                if (nodeB != null) nodeB.close();
                nodeA.close();
            }
        }
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    record Load(double perSecond, double p50, double p95, long errors) { }

    private static Load load(List<Integer> ports, String token, int seconds, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // warm-up, then the measured run
        run(http, ports, token, Math.max(2, seconds / 3), clients);
        return run(http, ports, token, seconds, clients);
    }

    private static Load run(HttpClient http, List<Integer> ports, String token, int seconds, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            parts.add(pool.submit(() -> {
                java.util.Random r = new java.util.Random(client);
                long[] times = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end && n < times.length) {
                    int port = ports.get((client + n) % ports.size());
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/findings?page=" + (1 + r.nextInt(20)) + "&size=50"))
                            .header("Authorization", "Bearer " + token).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    times[n++] = System.nanoTime() - t0;
                    if (resp.statusCode() != 200) errors.incrementAndGet();
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : parts) for (long t : f.get()) all.add(t);
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) return new Load(0, 0, 0, errors.get());
        return new Load(sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, errors.get());
    }

    // ---- Kafka Streams: 60 organisations

    public static void kafka(Path work, int organisations, int staff, Figures figures) throws Exception {
        Path data = work.resolve("p6-kafka");
        deleteTree(data);
        Files.createDirectories(data);
        LocalDate day = LocalDate.of(2026, 11, 24);
        try (Database db = Database.open(DatabaseSettings.embedded(data.resolve("db")))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of()));
            Actor actor = Actor.system("bench");
            List<String> orgs = new ArrayList<>();
            List<SyntheticLogs.Day> days = new ArrayList<>();
            for (int o = 0; o < organisations; o++) {
                String code = "97" + String.format(Locale.ROOT, "%04d", o);
                InventoryRepository inv = m.inventory();
                long org = inv.createOrganization(code, "ベンチ町" + o, "municipality").id();
                long sys = inv.createSystem(org, "telework", "テレワーク", Segment.INTERNET, new Importance("3B", "2", "2"), null, null, List.of()).id();
                inv.createAsset(org, sys, new InventoryRepository.NewAsset("vpn-gw-01", "VPN", AssetKind.NETWORK_APPLIANCE, "Citrix", "NetScaler Gateway",
                        "13.1-49.13", null, Exposure.OPEN, true, null));
                m.detectionLists().addAllow(actor, org, "sanctioned-domain", "mamori-city.sharepoint.com", null);
                orgs.add(code);
                days.add(SyntheticLogs.demo(day, staff, true, 1000L + o));
            }
            // the records as a shipper would send them: each organisation's gateway and proxy lines, interleaved across organisations
            List<TestRecord<String, String>> records = new ArrayList<>();
            List<List<TestRecord<String, String>>> perOrg = new ArrayList<>();
            long lines = 0;
            for (int o = 0; o < organisations; o++) {
                List<TestRecord<String, String>> rs = new ArrayList<>();
                rs.addAll(records(orgs.get(o) + "|vpn-gw-01|netscaler|ns.log", null, days.get(o).gateway()));
                rs.addAll(records(orgs.get(o) + "||squid|squid.log", SyntheticLogs.SQUID_FORMAT, days.get(o).proxy()));
                lines += rs.size();
                perOrg.add(rs);
            }
            for (int i = 0; ; i++) {
                boolean any = false;
                for (List<TestRecord<String, String>> rs : perOrg) {
                    if (i < rs.size()) {
                        records.add(rs.get(i));
                        any = true;
                    }
                }
                if (!any) break;
            }
            for (String code : orgs) {
                RecordHeaders h = new RecordHeaders();
                h.add(LogRecordKey.CONTROL_HEADER, LogRecordKey.END.getBytes(StandardCharsets.UTF_8));
                records.add(new TestRecord<>(code + "||netscaler", null, h, (Instant) null));
            }
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "mamori-detection-bench");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            p.put(StreamsConfig.STATE_DIR_CONFIG, data.resolve("state").toString());
            DetectionTopology.Counters counters = new DetectionTopology.Counters();
            long t0 = System.nanoTime();
            try (TopologyTestDriver d = new TopologyTestDriver(DetectionTopology.build("logs", m.streamDetections(), DetectionTopology.DEFAULT_GRACE, counters, false), p)) {
                TestInputTopic<String, String> in = d.createInputTopic("logs", new StringSerializer(), new StringSerializer());
                long ts = Instant.parse("2026-11-25T00:00:00Z").toEpochMilli();
                for (TestRecord<String, String> r : records) in.pipeInput(new TestRecord<>(r.key(), r.value(), r.headers(), ts++));
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            long incidents = 0;
            for (String code : orgs) incidents += m.detections().incidents(m.inventory().findOrganization(code).orElseThrow().id()).size();
            System.out.printf(Locale.ROOT, "P6 Kafka Streams detection: %,d lines of %d organisations (%d staff each) in %.1f s = %,.0f lines/s; %,d detections, %d incidents "
                    + "(TopologyTestDriver: the topology with in-memory changelogged state stores and the database writes; no broker I/O, no RocksDB)%n",
                    lines, organisations, staff, secs, lines / secs, counters.detections.get(), incidents);

            // the batch engine on the same lines, for comparison (no database)
            long t1 = System.nanoTime();
            DetectionPolicy policy = new DetectionPolicy(List.of(new AllowEntry(AllowKind.SANCTIONED_DOMAIN, "mamori-city.sharepoint.com", null)),
                    DetectionPolicy.Thresholds.defaults(), DetectionPolicy.TOKYO);
            DetectionEngine.Device gw = new DetectionEngine.Device("vpn-gw-01", true, List.of());
            long[] found = {0};
            for (SyntheticLogs.Day dd : days) {
                DetectionEngine e = new DetectionEngine(policy, SigmaRules.shipped(), x -> found[0]++);
                new LogReader().read(new java.io.ByteArrayInputStream(dd.gateway().getBytes(StandardCharsets.UTF_8)),
                        new LogReader.Options(LogSource.NETSCALER, null, null, null, 0), ev -> e.accept(ev, "ns.log", gw));
                new LogReader().read(new java.io.ByteArrayInputStream(dd.proxy().getBytes(StandardCharsets.UTF_8)),
                        new LogReader.Options(LogSource.SQUID, SyntheticLogs.SQUID_FORMAT, null, null, 0), ev -> e.accept(ev, "squid.log", DetectionEngine.Device.NONE));
                e.finish();
            }
            double bs = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "    the same rules in the batch engine (in memory, no database): %,.0f lines/s, %,d detections%n", lines / bs, found[0]);
            figures.info("P6 Kafka Streams detection", lines / secs, "lines/s", String.format(Locale.ROOT,
                    "%d organisations x %d staff, %,d detections, %d incidents; batch engine %,.0f lines/s, %,d detections",
                    organisations, staff, counters.detections.get(), incidents, lines / bs, found[0]));
        }
    }

    private static List<TestRecord<String, String>> records(String key, String format, String text) throws java.io.IOException {
        List<TestRecord<String, String>> out = new ArrayList<>();
        new BoundedLines().read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new BoundedLines.Sink() {
            @Override
            public void line(long lineNo, String line) {
                RecordHeaders h = new RecordHeaders();
                h.add(LogRecordKey.LINE_HEADER, Long.toString(lineNo).getBytes(StandardCharsets.UTF_8));
                if (format != null) h.add(LogRecordKey.FORMAT_HEADER, format.getBytes(StandardCharsets.UTF_8));
                out.add(new TestRecord<>(key, line, h, (Instant) null));
            }

            @Override
            public void rejected(long lineNo, String reason) { }
        });
        return out;
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
