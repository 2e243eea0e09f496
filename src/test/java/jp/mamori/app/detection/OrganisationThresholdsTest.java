package jp.mamori.app.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.app.MamoriSettings;
import jp.mamori.audit.AuditEvent;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An organisation's own thresholds (issue 15: per-organisation policy): they replace the policy
 * file's for that organisation only — the same 6 MB upload is a detection where the organisation set
 * 5 MB an hour and none in the other organisation on the default 100 MB; {@code default} gives the
 * file's value back; negative, zero, absurd or malformed values and unknown settings are refused with
 * the reason, and a change with one bad value stores none of it and writes no audit entry; each
 * change is one audit entry naming the setting before and after.
 */
class OrganisationThresholdsTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anOrganisationsOwnThresholdHoldsForItAloneAndBadValuesStoreNothing(Kind kind) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            Mamori m = Mamori.open(db, Clock.systemUTC(), new MamoriSettings(data, Map.of()));
            long a = ImportLogsTest.org(m, "999201", "A市");
            long b = ImportLogsTest.org(m, "999202", "B町");
            ManageDetectionPolicy edits = m.detectionPolicyEdits();
            assertThat(edits.show(a)).allSatisfy(r -> assertThat(r.own()).isFalse());

            List<String> changed = edits.set(ImportLogsTest.ACTOR, a, Map.of("upload-bytes-per-hour", "5MB"));
            assertThat(changed).containsExactly("upload-bytes-per-hour=default→5MB");
            AuditEvent e = m.audit().list(a, false, null, 1).get(0);
            assertThat(e.action()).isEqualTo("detection.policy_changed");
            assertThat(e.detail()).contains("upload-bytes-per-hour=default→5MB");
            assertThat(m.detectionPolicy(a).thresholds().uploadBytesPerHour()).isEqualTo(5L * 1024 * 1024);
            assertThat(m.detectionPolicy(b).thresholds()).as("B keeps the defaults").isEqualTo(DetectionPolicy.Thresholds.defaults());
            assertThat(edits.set(ImportLogsTest.ACTOR, a, Map.of("upload-bytes-per-hour", "5 mb"))).as("the same value again: no change").isEmpty();

            Path log = dir.resolve("squid.log");
            Files.writeString(log, DetectionPolicyFileTest.UPLOAD, StandardCharsets.UTF_8);
            for (long org : new long[] {a, b}) {
                m.importLogs().run(ImportLogsTest.ACTOR, org, List.of(new ImportLogs.Input(log, "squid.log")),
                        new ImportLogs.Options(LogSource.SQUID, DetectionPolicyFileTest.FMT, null, null));
            }
            assertThat(m.detections().detections(a, null, 100)).extracting(d -> d.rule()).as("6 MB over A's 5 MB an hour").contains("storage-upload-volume");
            assertThat(m.detections().detections(b, null, 100)).extracting(d -> d.rule()).as("under B's default 100 MB").doesNotContain("storage-upload-volume");

            // refused: the reason, nothing stored, no audit entry — also when only one of several values is bad
            int audit = m.audit().list(a, false, null, 10_000).size();
            Map<String, String> mixed = new LinkedHashMap<>();
            mixed.put("session-idle", "30m");
            mixed.put("concurrent-window", "3d");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, mixed)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("concurrent-window: 1m から 1d までにしてください / must be from 1m to 1d");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, Map.of("upload-bytes-per-hour", "-5MB"))).hasMessageContaining("100MB のようなサイズ");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, Map.of("upload-bytes-per-hour", "0"))).hasMessageContaining("positive size");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, Map.of("upload-bytes-per-hour", "2048GB"))).hasMessageContaining("at most 1024GB");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, Map.of("upload-requests-per-hour", "0"))).hasMessageContaining("from 1 to 1000000");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, Map.of("session-idle", "1m"))).hasMessageContaining("5m から 7d");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, Map.of("incident-window", "forever"))).hasMessageContaining("such as 15m");
            assertThatThrownBy(() -> edits.set(ImportLogsTest.ACTOR, a, Map.of("working-hours", "8"))).hasMessageContaining("設定項目が不正です");
            assertThat(m.detectionPolicy(a).thresholds().sessionIdle()).as("nothing of the mixed change").isEqualTo(Duration.ofHours(2));
            assertThat(m.audit().list(a, false, null, 10_000)).hasSize(audit);

            // the file's value under the organisation's: shown beside it, and back in force with "default"
            Files.writeString(data.resolve("detection.yaml"), "upload-bytes-per-hour: 20MB\nsession-idle: 3h\n", StandardCharsets.UTF_8);
            assertThat(m.detectionPolicy(a).thresholds().uploadBytesPerHour()).as("A's own wins over the file").isEqualTo(5L * 1024 * 1024);
            assertThat(m.detectionPolicy(a).thresholds().sessionIdle()).as("what A did not set comes from the file").isEqualTo(Duration.ofHours(3));
            ManageDetectionPolicy.Row bytes = edits.show(a).get(0);
            assertThat(bytes.text()).isEqualTo("5MB");
            assertThat(bytes.fileText()).isEqualTo("20MB");
            assertThat(edits.set(ImportLogsTest.ACTOR, a, Map.of("upload-bytes-per-hour", "default"))).containsExactly("upload-bytes-per-hour=5MB→default");
            assertThat(m.detectionPolicy(a).thresholds().uploadBytesPerHour()).isEqualTo(20L * 1024 * 1024);
            assertThat(m.detectionPolicy(b).thresholds().uploadBytesPerHour()).isEqualTo(20L * 1024 * 1024);
        }
    }
}
