package jp.mamori.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.AllowEntry;
import jp.mamori.detection.rules.AllowKind;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.DetectionPolicy;
import jp.mamori.detection.rules.DetectionPolicyYaml;
import org.junit.jupiter.api.Test;

/** The detection policy file: every key read, defaults kept, every mistake a clear error, and the rules following it. */
class DetectionPolicyYamlTest {

    static DetectionPolicyYaml.Settings read(String yaml) throws IOException {
        return DetectionPolicyYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "detection.yaml");
    }

    @Test
    void everyKeyIsReadAndWhatIsLeftOutKeepsItsDefault() throws IOException {
        DetectionPolicyYaml.Settings s = read("""
                # 守里市の検知ポリシー
                upload-bytes-per-hour: 20MB
                upload-requests-per-hour: 10
                concurrent-window: 30m
                session-idle: 8h
                working-hours: {start: 7, end: 22}
                incident-window: 2d
                time-zone: Asia/Tokyo
                egress: [192.0.2.0/24]
                cgnat:
                  - 100.64.0.0/10
                trusted-proxy: [192.0.2.250]
                sanctioned-domain: ["*.Mamori-City.sharepoint.com"]
                storage-domain: [files.example.jp]
                """);
        DetectionPolicy.Thresholds t = s.thresholds();
        assertThat(t.uploadBytesPerHour()).isEqualTo(20L * 1024 * 1024);
        assertThat(t.uploadRequestsPerHour()).isEqualTo(10);
        assertThat(t.concurrentWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.sessionIdle()).isEqualTo(Duration.ofHours(8));
        assertThat(t.workStartHour()).isEqualTo(7);
        assertThat(t.workEndHour()).isEqualTo(22);
        assertThat(t.incidentWindow()).isEqualTo(Duration.ofDays(2));
        assertThat(s.allow()).extracting(AllowEntry::kind, AllowEntry::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AllowKind.EGRESS, "192.0.2.0/24"),
                org.assertj.core.groups.Tuple.tuple(AllowKind.CGNAT, "100.64.0.0/10"),
                org.assertj.core.groups.Tuple.tuple(AllowKind.TRUSTED_PROXY, "192.0.2.250"),
                org.assertj.core.groups.Tuple.tuple(AllowKind.SANCTIONED_DOMAIN, "mamori-city.sharepoint.com"),
                org.assertj.core.groups.Tuple.tuple(AllowKind.STORAGE_DOMAIN, "files.example.jp"));

        DetectionPolicy p = s.policy(List.of(new AllowEntry(AllowKind.EGRESS, "198.51.100.0/24", "庁舎")));
        assertThat(p.egress("198.51.100.9")).as("the organisation's own entry").isTrue();
        assertThat(p.egress("192.0.2.9")).as("the file's entry").isTrue();
        assertThat(p.storage("up.files.example.jp")).isEqualTo("files.example.jp");
        assertThat(p.sanctioned("x.mamori-city.sharepoint.com")).isEqualTo("mamori-city.sharepoint.com");

        DetectionPolicyYaml.Settings partial = read("upload-bytes-per-hour: 1048576\n");
        assertThat(partial.thresholds().uploadBytesPerHour()).isEqualTo(1_048_576);
        assertThat(partial.thresholds()).usingRecursiveComparison().ignoringFields("uploadBytesPerHour").isEqualTo(DetectionPolicy.Thresholds.defaults());
        assertThat(partial.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(read("# 空のファイル\n")).usingRecursiveComparison().isEqualTo(DetectionPolicyYaml.Settings.defaults());
    }

    @Test
    void everyMistakeNamesTheKeyInJapaneseAndEnglish() {
        assertThatThrownBy(() -> read("upload-byte-per-hour: 10MB\n")).isInstanceOf(DetectionPolicyYaml.PolicyFileException.class)
                .hasMessageContaining("detection.yaml: upload-byte-per-hour").hasMessageContaining("未知のキー").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> read("upload-bytes-per-hour: lots\n")).hasMessageContaining("upload-bytes-per-hour")
                .hasMessageContaining("100MB のようなサイズ").hasMessageContaining("such as 100MB");
        assertThatThrownBy(() -> read("upload-bytes-per-hour: 0\n")).hasMessageContaining("positive size");
        assertThatThrownBy(() -> read("upload-requests-per-hour: 2.5\n")).hasMessageContaining("whole number from 1 to 1000000");
        assertThatThrownBy(() -> read("concurrent-window: 15\n")).hasMessageContaining("concurrent-window").hasMessageContaining("such as 15m");
        assertThatThrownBy(() -> read("concurrent-window: 3d\n")).hasMessageContaining("1m から 1d まで").hasMessageContaining("from 1m to 1d");
        assertThatThrownBy(() -> read("working-hours: {start: 20, end: 8}\n")).hasMessageContaining("working-hours").hasMessageContaining("start must be before end");
        assertThatThrownBy(() -> read("working-hours: {begin: 8}\n")).hasMessageContaining("working-hours.begin");
        assertThatThrownBy(() -> read("time-zone: Tokyo/Mamori\n")).hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> read("egress: [192.0.2.0/24, 300.1.1.1/8]\n")).hasMessageContaining("egress[1]").hasMessageContaining("CIDR");
        assertThatThrownBy(() -> read("storage-domain: files.example.jp\n")).hasMessageContaining("storage-domain").hasMessageContaining("list");
        assertThatThrownBy(() -> read("sanctioned-domain: [\"not a domain\"]\n")).hasMessageContaining("sanctioned-domain[0]").hasMessageContaining("domain");
        assertThatThrownBy(() -> read("egress: [192.0.2.0/24\n")).hasMessageContaining("YAML");
        assertThatThrownBy(() -> read("- egress\n")).hasMessageContaining("mapping");
        assertThatThrownBy(() -> DetectionPolicyYaml.read(new ByteArrayInputStream("storage-domain: [ファイル便.jp]\n".getBytes(Charset.forName("Shift_JIS"))),
                "detection.yaml")).hasMessageContaining("UTF-8 で保存");
        assertThatThrownBy(() -> DetectionPolicyYaml.read(new ByteArrayInputStream(("# " + "x".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8)),
                "detection.yaml")).hasMessageContaining("256 KiB");
    }

    static final String FMT = "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %>st %rm %ru %[un %Sh/%<a %mt";

    static List<String> rulesFor(DetectionPolicy policy) throws Exception {
        return DetectionRulesTest.rules(DetectionRulesTest.run(policy, DetectionEngine.Device.NONE, LogSource.SQUID, FMT,
                "1795996800.000 10 10.0.0.5 TCP_MISS/200 900 3000000 POST https://upload.gigafile.nu/a kato HIER_DIRECT/203.0.113.10 text/html",
                "1795996900.000 10 10.0.0.5 TCP_MISS/200 900 3000000 POST https://upload.gigafile.nu/b kato HIER_DIRECT/203.0.113.10 text/html"));
    }

    @Test
    void theRulesFollowTheFile() throws Exception {
        assertThat(rulesFor(DetectionPolicy.defaults())).as("6 MB is under the default 100 MB an hour").doesNotContain("storage-upload-volume");
        List<String> strict = rulesFor(read("upload-bytes-per-hour: 5MB\n").policy(List.of()));
        assertThat(strict).contains("storage-upload-volume");
        assertThat(rulesFor(read("upload-bytes-per-hour: 5MB\nsanctioned-domain: [gigafile.nu]\n").policy(List.of())))
                .as("sanctioned in the file: whatever the volume").isEmpty();
        List<Detection> none = DetectionRulesTest.run(read("storage-domain: [uploads.example.jp]\nupload-bytes-per-hour: 1KB\n").policy(List.of()),
                DetectionEngine.Device.NONE, LogSource.SQUID, FMT,
                "1795996800.000 10 10.0.0.5 TCP_MISS/200 900 3000000 PUT https://a.uploads.example.jp/f kato HIER_DIRECT/203.0.113.10 text/html");
        assertThat(DetectionRulesTest.rules(none)).as("a storage domain added by the file").contains("storage-first-seen", "storage-upload-volume");
    }
}
