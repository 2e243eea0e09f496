package jp.mamori.triage.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriagePolicyYamlTest {

    @Test
    void defaultsAreTheSpecDefaults() {
        TriagePolicy p = TriagePolicy.defaults();
        assertThat(p.table()).isEqualTo(TableChoice.CISA_COORDINATOR);
        assertThat(p.epssPocThreshold()).isEqualTo(0.1);
        assertThat(p.raiseMissionWhenOpen()).isTrue();
        assertThat(p.deadlines()).isEqualTo(new Deadlines(3, 14, 30, 90));
        assertThat(p.cvssSourceOrder()).containsExactly("nvd", "cna", "jvn", "*");
        assertThat(p.cvssVersionOrder()).containsExactly("4.0", "3.1", "3.0", "2.0");
        assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void readsEveryKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
                table: deployer
                epss-poc-threshold: 0.25
                raise-mission-when-open: false
                assume-worst-when-cvss-unknown: false
                deadlines: {act: 2, attend: 7, track-star: 21, track: 60}
                cvss-source-order: [jvn, nvd, "*"]
                cvss-version-order: [3.1, "4.0"]
                time-zone: UTC
                kev-due-date: strict
                """);
        TriagePolicy p = TriagePolicyYaml.load(file);
        assertThat(p.table()).isEqualTo(TableChoice.DEPLOYER);
        assertThat(p.epssPocThreshold()).isEqualTo(0.25);
        assertThat(p.raiseMissionWhenOpen()).isFalse();
        assertThat(p.assumeWorstWhenCvssUnknown()).isFalse();
        assertThat(p.deadlines()).isEqualTo(new Deadlines(2, 7, 21, 60));
        assertThat(p.cvssSourceOrder()).containsExactly("jvn", "nvd", "*");
        assertThat(p.cvssVersionOrder()).as("unquoted 3.1 is read as the version").containsExactly("3.1", "4.0");
        assertThat(p.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(p.strictKevDueDate()).isTrue();
    }

    @Test
    void leftOutKeysKeepTheirDefaults() {
        TriagePolicy p = TriagePolicyYaml.parse("deadlines:\n  act: 1\n", "p.yaml");
        assertThat(p.deadlines()).isEqualTo(new Deadlines(1, 14, 30, 90));
        assertThat(p.table()).isEqualTo(TableChoice.CISA_COORDINATOR);
        assertThat(TriagePolicyYaml.parse("", "empty.yaml")).isEqualTo(TriagePolicy.defaults());
        assertThat(TriagePolicyYaml.load(new ByteArrayInputStream("# nothing\n".getBytes(StandardCharsets.UTF_8)), "c.yaml"))
                .isEqualTo(TriagePolicy.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            epss-threshold: 0.2                 | p.yaml: /epss-threshold: unknown key
            epss-poc-threshold: 1.5             | p.yaml: /epss-poc-threshold: expected a number from 0 to 1
            epss-poc-threshold: high            | p.yaml: /epss-poc-threshold: expected a number from 0 to 1
            table: supplier                     | p.yaml: /table: unknown table 'supplier'
            raise-mission-when-open: yes please | p.yaml: /raise-mission-when-open: expected true or false
            'deadlines: {act: -1}'              | p.yaml: /deadlines/act: expected a whole number of days
            'deadlines: {act: 2.5}'             | p.yaml: /deadlines/act: expected a whole number of days
            'deadlines: {now: 1}'               | p.yaml: /deadlines/now: unknown key
            'cvss-version-order: ["4.0", 5.0]'| p.yaml: /cvss-version-order/1: unknown value '5.0'
            'cvss-source-order: []'             | p.yaml: /cvss-source-order: expected a non-empty list
            'cvss-source-order: [nvd, nvd]'     | p.yaml: /cvss-source-order/1: 'nvd' is listed twice
            time-zone: Mars/Base                | p.yaml: /time-zone: unknown time zone 'Mars/Base'
            kev-due-date: lenient               | p.yaml: /kev-due-date: expected after-detection or strict
            '- just a list'                     | p.yaml: /: expected a mapping
            """)
    void rejectsBadSettingsNamingTheFileAndKey(String yaml, String message) {
        assertThatThrownBy(() -> TriagePolicyYaml.parse(yaml, "p.yaml"))
                .isInstanceOf(TriagePolicyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> TriagePolicyYaml.parse("table: deployer\ndeadlines: {act: 3\n", "bad.yaml"))
                .isInstanceOf(TriagePolicyException.class)
                .hasMessageContaining("bad.yaml: not valid YAML at line");
    }

    @Test
    void missingFileIsAPolicyError(@TempDir Path dir) {
        assertThatThrownBy(() -> TriagePolicyYaml.load(dir.resolve("none.yaml")))
                .isInstanceOf(TriagePolicyException.class)
                .hasMessageContaining("none.yaml: cannot read policy");
    }

    @Test
    void tableChoiceGivesTheTable() {
        assertThat(TableChoice.CISA_COORDINATOR.table().id()).isEqualTo("cisa_coordinator 2.0.3");
        assertThat(TableChoice.DEPLOYER.table().id()).isEqualTo("deployer 1.0.0");
        assertThat(TriagePolicy.defaults().withTable(TableChoice.DEPLOYER).cvssSourceOrder()).isEqualTo(List.of("nvd", "cna", "jvn", "*"));
    }
}
