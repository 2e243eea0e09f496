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
        assertThat(s.nvd().url()).hasToString("https://services.nvd.nist.gov/rest/json/cves/2.0");
        assertThat(s.kevUrl()).hasToString("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
        assertThat(s.epssUrl()).hasToString("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
        assertThat(s.jvn().url()).hasToString("https://jvndb.jvn.jp/myjvn");
        assertThat(s.osv().ecosystems()).containsExactly("Maven", "npm", "PyPI", "Go");
        assertThat(s.nvd().pageSize()).isEqualTo(2000);
        assertThat(s.nvd().windowDays()).isEqualTo(120);
        assertThat(s.nvd().delay()).isEqualTo(Duration.ofSeconds(6));
        assertThat(s.jvn().pageSize()).isEqualTo(50);
        assertThat(s.jvn().detailBatch()).isEqualTo(10);
        assertThat(s.nvd().hasApiKey()).isFalse();
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
        assertThat(s.nvd().url()).isEqualTo(URI.create("https://nvd-mirror.pref.example.lg.jp/rest/json/cves/2.0"));
        assertThat(s.nvd().apiKey()).isEqualTo("from-env");
        assertThat(s.nvd().delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.nvd().pageSize()).isEqualTo(500);
        assertThat(s.osv().ecosystems()).containsExactly("Maven", "npm");
        assertThat(s.retry().maxAttempts()).isEqualTo(3);
        assertThat(s.retry().initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.http().proxy()).isEqualTo(URI.create("http://proxy.example.lg.jp:8080"));
        assertThat(s.jvn().dateFilter()).isEqualTo(JvnSyncSettings.DateFilter.FIRST_PUBLISHED);
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

        assertThat(s.nvd().apiKey()).isEqualTo("yaml-key");
        assertThat(s.nvd().windowDays()).isEqualTo(30);
        assertThat(s.osv().ecosystems()).isEqualTo(List.of("Maven", "Go"));
        assertThat(s.jvn().delay()).isEqualTo(Duration.ofSeconds(1));
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
