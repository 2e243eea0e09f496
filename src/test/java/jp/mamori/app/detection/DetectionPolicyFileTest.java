package jp.mamori.app.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DATA/detection.yaml and MAMORI_DETECTION_POLICY as the imports see them: read, followed when edited, a bad file refused before anything is stored. */
class DetectionPolicyFileTest {

    @TempDir Path dir;

    static final String FMT = "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %>st %rm %ru %[un %Sh/%<a %mt";
    static final String UPLOAD = "1795996800.000 10 10.0.0.5 TCP_MISS/200 900 6000000 POST https://upload.gigafile.nu/a kato HIER_DIRECT/203.0.113.10 text/html\n";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thePolicyFileSetsTheThresholdsAndABadOneStoresNothing(Kind kind) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of()));
            long org = ImportLogsTest.org(m, "999101", "守里市");
            assertThat(m.detectionThresholds()).as("no file: today's defaults").isEqualTo(DetectionPolicy.Thresholds.defaults());

            Path policy = data.resolve("detection.yaml");
            Files.writeString(policy, "upload-bytes-per-hour: 5MB\negress: [192.0.2.0/24]\n", StandardCharsets.UTF_8);
            assertThat(m.detectionThresholds().uploadBytesPerHour()).isEqualTo(5L * 1024 * 1024);
            DetectionPolicy p = m.detectionPolicy(org);
            assertThat(p.egress("192.0.2.7")).as("the file's entry").isTrue();
            assertThat(p.sanctioned("www.mamori-city.sharepoint.com")).as("the organisation's own entry").isEqualTo("mamori-city.sharepoint.com");

            Path log = dir.resolve("squid.log");
            Files.writeString(log, UPLOAD, StandardCharsets.UTF_8);
            m.importLogs().run(ImportLogsTest.ACTOR, org, List.of(new ImportLogs.Input(log, "squid.log")), new ImportLogs.Options(LogSource.SQUID, FMT, null, null));
            assertThat(m.detections().detections(org, null, 100)).extracting(d -> d.rule()).as("6 MB over the file's 5 MB an hour").contains("storage-upload-volume");
            int stored = m.detections().detections(org, null, 100).size();
            int imports = m.detections().imports(org).size();

            // edited while running: followed; broken: a clear error naming the key, and the import stores nothing
            Files.writeString(policy, "upload-bytes-per-hour: 5MB\nsession-idle: 2 hours\n", StandardCharsets.UTF_8);
            Path log2 = dir.resolve("squid2.log");
            Files.writeString(log2, UPLOAD.replace("/a ", "/b ").replace("1795996800", "1796000400"), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> m.importLogs().run(ImportLogsTest.ACTOR, org, List.of(new ImportLogs.Input(log2, "squid2.log")),
                    new ImportLogs.Options(LogSource.SQUID, FMT, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("detection.yaml: session-idle").hasMessageContaining("15m、2h、1d")
                    .hasMessageContaining("such as 15m");
            assertThat(m.detections().detections(org, null, 100)).hasSize(stored);
            assertThat(m.detections().imports(org)).hasSize(imports);

            Files.writeString(policy, "session-idle: 3h\n", StandardCharsets.UTF_8);
            assertThat(m.detectionThresholds().sessionIdle()).isEqualTo(Duration.ofHours(3));
            assertThat(m.detectionThresholds().uploadBytesPerHour()).as("left out again: the default").isEqualTo(DetectionPolicy.Thresholds.defaults().uploadBytesPerHour());

            // MAMORI_DETECTION_POLICY wins over the data directory's file, and must exist
            Path elsewhere = dir.resolve("policy-elsewhere.yaml");
            Files.writeString(elsewhere, "incident-window: 48h\n", StandardCharsets.UTF_8);
            Mamori env = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of("MAMORI_DETECTION_POLICY", elsewhere.toString())));
            assertThat(env.detectionThresholds().incidentWindow()).isEqualTo(Duration.ofHours(48));
            assertThat(env.detectionThresholds().sessionIdle()).isEqualTo(DetectionPolicy.Thresholds.defaults().sessionIdle());
            Mamori missing = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of("MAMORI_DETECTION_POLICY", dir.resolve("nope.yaml").toString())));
            assertThatThrownBy(missing::detectionThresholds).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("MAMORI_DETECTION_POLICY").hasMessageContaining("no such file");
        }
    }
}
