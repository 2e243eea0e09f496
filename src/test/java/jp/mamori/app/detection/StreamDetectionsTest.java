package jp.mamori.app.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.detection.sample.SyntheticLogs;
import jp.mamori.detection.store.DetectionStore.DetectionRow;
import jp.mamori.detection.store.DetectionStore.IncidentRow;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.LogTopic;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batch import and the Kafka Streams topology store the same detections and incidents on the
 * same logs (H2 and PostgreSQL): one organisation imports the day's files, its twin gets the same
 * lines through the topology (TopologyTestDriver: the real topology over in-memory stores, no broker; see LogTopic).
 */
class StreamDetectionsTest {

    @TempDir Path dir;

    /** A detection as the user sees it: everything but database ids. */
    record Seen(String rule, String category, String severity, Instant at, String asset, String user, String session, List<String> ips,
                String destination, Long bytes, String ja, String en, String vuln, boolean inIncident, List<String> evidence) {
        static Seen of(DetectionRow r) {
            return new Seen(r.rule(), r.category().key(), r.severity().key(), r.at(), r.assetCode(), r.user(), r.sessionId(), r.sourceIps(),
                    r.destination(), r.bytesOut(), r.summaryJa(), r.summaryEn(), r.vulnId(), r.incidentId() != null,
                    r.evidence().stream().map(e -> e.file() + ":" + e.line() + ":" + e.text()).toList());
        }
    }

    record SeenIncident(String user, String state, String severity, Instant opened, Instant last, int detections, List<String> categories) {
        static SeenIncident of(IncidentRow r) {
            return new SeenIncident(r.userKey(), r.state().key(), r.severity().key(), r.opened(), r.last(), r.detections(), r.categories());
        }
    }

    static List<Seen> detections(Mamori m, long org) {
        return m.detections().detections(org, null, 100_000).stream().map(Seen::of)
                .sorted(Comparator.comparing(Seen::at).thenComparing(Seen::rule).thenComparing(s -> String.valueOf(s.user())).thenComparing(s -> s.evidence().toString()))
                .toList();
    }

    static List<SeenIncident> incidents(Mamori m, long org) {
        return m.detections().incidents(org).stream().map(SeenIncident::of).sorted(Comparator.comparing(SeenIncident::user)).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTopologyStoresWhatTheImportStores(Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(dir, Map.of()));
            long imported = ImportLogsTest.org(m, "999001", "守里市");
            long streamed = ImportLogsTest.org(m, "999002", "守里市（Kafka）");
            SyntheticLogs.Day day = SyntheticLogs.demo(LocalDate.of(2026, 11, 24), 40, true, 7L);
            ImportLogsTest importer = new ImportLogsTest();
            importer.dir = dir;
            importer.importDay(m, imported, day, "");

            try (LogTopic topic = new LogTopic(m.streamDetections(), dir.resolve("streams"), Instant.parse("2026-11-25T00:00:00Z"))) {
                topic.publish("999002|vpn-gw-01|netscaler|ns.log", null, day.gateway());
                topic.publish("999002||squid|squid.log", SyntheticLogs.SQUID_FORMAT, day.proxy());
                topic.end("999002");
            }

            List<Seen> fromImport = detections(m, imported);
            assertThat(fromImport).isNotEmpty();
            assertThat(detections(m, streamed)).containsExactlyElementsOf(fromImport);
            assertThat(incidents(m, streamed)).containsExactlyElementsOf(incidents(m, imported));
            // by hand: one incident per hijacked user, each opened by the session takeover
            assertThat(incidents(m, streamed)).extracting(SeenIncident::user).containsExactlyElementsOf(SyntheticLogs.HIJACKED.stream().sorted().toList());
            assertThat(incidents(m, streamed)).allSatisfy(i -> assertThat(i.categories()).contains("session-hijack", "exfiltration"));
            // the learned desktops were stored too, and the stream's work is in the audit trail
            assertThat(m.detections().desktops(streamed)).hasSameSizeAs(m.detections().desktops(imported));
            List<AuditEvent> audit = m.audit().list(streamed, false, null, 1000);
            assertThat(audit).extracting(AuditEvent::action).contains("logs.streamed", "incident.opened");
            assertThat(audit).filteredOn(e -> e.action().equals("incident.opened")).hasSize(3).allSatisfy(e -> assertThat(e.actor()).isEqualTo("kafka-streams"));

            // the same lines again (a task replayed after a failure): nothing new, nothing said twice
            try (LogTopic topic = new LogTopic(m.streamDetections(), dir.resolve("streams-again"), Instant.parse("2026-11-25T00:00:00Z"))) {
                topic.publish("999002|vpn-gw-01|netscaler|ns.log", null, day.gateway());
                topic.publish("999002||squid|squid.log", SyntheticLogs.SQUID_FORMAT, day.proxy());
                topic.end("999002");
            }
            assertThat(detections(m, streamed)).containsExactlyElementsOf(fromImport);
            assertThat(m.audit().list(streamed, false, null, 1000)).filteredOn(e -> e.action().equals("incident.opened")).hasSize(3);
        }
    }
}
