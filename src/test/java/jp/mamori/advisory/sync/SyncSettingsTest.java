package jp.mamori.advisory.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsPointAtThePublicFeeds() {
        SyncSettings s = SyncSettings.defaults();
        assertThat(s.nvdUrl()).hasToString("https://services.nvd.nist.gov/rest/json/cves/2.0");
        assertThat(s.kevUrl()).hasToString("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
        assertThat(s.epssUrl()).hasToString("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
        assertThat(s.jvnUrl()).hasToString("https://jvndb.jvn.jp/myjvn");
        assertThat(s.osvEcosystems()).containsExactly("Maven", "npm", "PyPI", "Go");
        assertThat(s.nvdPageSize()).isEqualTo(2000);
        assertThat(s.nvdWindowDays()).isEqualTo(120);
        assertThat(s.nvdDelay()).isEqualTo(Duration.ofSeconds(6));
        assertThat(s.jvnPageSize()).isEqualTo(50);
        assertThat(s.jvnDetailBatch()).isEqualTo(10);
        assertThat(s.hasNvdApiKey()).isFalse();
    }

    @Test
    void loadsAPropertiesFileAndTheApiKeyFromTheEnvironment() throws Exception {
        Path f = dir.resolve("sync.properties");
        Files.writeString(f, String.join("\n",
                "since=2026-01-01",
                "nvd.url=https://nvd-mirror.pref.example.lg.jp/rest/json/cves/2.0",
                "nvd.apiKey=from-file",
                "nvd.pageSize=500",
                "nvd.delayWithKey=1s",
                "osv.ecosystems=Maven, npm",
                "retry.maxAttempts=3",
                "retry.initialDelay=500ms",
                "http.proxy=http://proxy.example.lg.jp:8080",
                "jvn.dateFilter=firstPublished"));

        SyncSettings s = SyncSettings.load(f, Map.of(SyncSettings.ENV_NVD_API_KEY, "from-env"));

        assertThat(s.since()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(s.nvdUrl()).isEqualTo(URI.create("https://nvd-mirror.pref.example.lg.jp/rest/json/cves/2.0"));
        assertThat(s.nvdApiKey()).isEqualTo("from-env");
        assertThat(s.nvdDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.nvdPageSize()).isEqualTo(500);
        assertThat(s.osvEcosystems()).containsExactly("Maven", "npm");
        assertThat(s.retry().maxAttempts()).isEqualTo(3);
        assertThat(s.retry().initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.proxy()).isEqualTo(URI.create("http://proxy.example.lg.jp:8080"));
        assertThat(s.jvnDateFilter()).isEqualTo(SyncSettings.JvnDateFilter.FIRST_PUBLISHED);
        assertThat(s.toString()).contains("api key set").doesNotContain("from-env").doesNotContain("from-file");
    }

    @Test
    void loadsNestedYaml() throws Exception {
        Path f = dir.resolve("sync.yaml");
        Files.writeString(f, """
                nvd:
                  apiKey: yaml-key
                  windowDays: 30
                osv:
                  ecosystems: [Maven, Go]
                jvn:
                  delay: PT1S
                """);

        SyncSettings s = SyncSettings.load(f, Map.of());

        assertThat(s.nvdApiKey()).isEqualTo("yaml-key");
        assertThat(s.nvdWindowDays()).isEqualTo(30);
        assertThat(s.osvEcosystems()).isEqualTo(List.of("Maven", "Go"));
        assertThat(s.jvnDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesValuesOutsideTheApisLimitsAndUnknownKeys() throws Exception {
        assertThatThrownBy(() -> SyncSettings.builder().nvdPageSize(2001).build()).hasMessageContaining("nvd.pageSize");
        assertThatThrownBy(() -> SyncSettings.builder().nvdWindowDays(121).build()).hasMessageContaining("nvd.windowDays");
        assertThatThrownBy(() -> SyncSettings.builder().jvnPageSize(51).build()).hasMessageContaining("jvn.pageSize");
        assertThatThrownBy(() -> SyncSettings.builder().jvnDetailBatch(11).build()).hasMessageContaining("jvn.detailBatch");
        assertThatThrownBy(() -> SyncSettings.builder().osvUrlTemplate("https://example.org/all.zip").build())
                .hasMessageContaining("{ecosystem}");
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, "nvd.pagesize=100\n");
        assertThatThrownBy(() -> SyncSettings.load(f, Map.of())).hasMessageContaining(f.toString())
                .hasMessageContaining("unknown setting 'nvd.pagesize'");
        Files.writeString(f, "nvd.url=ftp://example.org/x\n");
        assertThatThrownBy(() -> SyncSettings.load(f, Map.of())).hasMessageContaining("nvd.url");
        Files.writeString(f, "jvn.delay=soon\n");
        assertThatThrownBy(() -> SyncSettings.load(f, Map.of())).hasMessageContaining("jvn.delay").hasMessageContaining("not a duration");
    }

    @Test
    void backoffDoublesUpToTheCapWithJitter() {
        RetryPolicy p = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(10), 0.5, Duration.ofMinutes(1));
        assertThat(p.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(1, 0.999999)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(2, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(3, 1.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.backoff(7, 1.0)).isEqualTo(Duration.ofSeconds(10));
    }
}
