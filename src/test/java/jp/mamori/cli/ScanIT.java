package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mamori scan} on the packaged jar: the SPEC §5 contract, exit codes and output formats. */
class ScanIT {

    private static Path data;
    private static final Path GATEWAY = Path.of("src/main/resources/demo/sbom/telework-gateway.cdx.json");
    private static final Path JUKI = Path.of("src/main/resources/demo/sbom/juki-system.cdx.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void knowledgeBase() throws Exception {
        data = Files.createTempDirectory("mamori-scan-");
        Result r = CliProcess.run("feeds", "import", "--data", data.toString(), "src/main/resources/demo/feeds");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    /** The demo feeds carry fixed dates that age with the calendar: these tests are about matching, not freshness. */
    private static Result scan(String... args) {
        return CliProcess.run(Map.of("MAMORI_KB_MAX_AGE_DAYS", "0"), null, prepend("scan", args));
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void anEmptyKnowledgeBaseIsNoAllClear() throws Exception {
        Path empty = Files.createTempDirectory("mamori-scan-empty-");
        Result r = CliProcess.run("scan", "--data", empty.toString(), "--format", "json", JUKI.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.stdout()).as("no findings list that could be read as 'nothing vulnerable'").isEmpty();
        assertThat(r.stderr()).contains("警告: 知識ベースに脆弱性の記録がありません").contains("「該当なし」は安全を意味しません")
                .contains("warning: the knowledge base holds no vulnerability records").contains("--allow-empty");

        Result allowed = CliProcess.run("scan", "--data", empty.toString(), "--format", "json", "--allow-empty", JUKI.toString());
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.stderr()).as("still warned").contains("知識ベースに脆弱性の記録がありません");
        assertThat(JSON.readTree(allowed.stdout()).path("findings")).isEmpty();
    }

    @Test
    void aStaleKnowledgeBaseWarnsWithTheDataOwnDateAndExitsThree() {
        Result r = CliProcess.run("scan", "--data", data.toString(), "--max-age-days", "1", JUKI.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.stderr()).as("the demo NVD record's lastModified is the newest data date")
                .contains("警告: 知識ベースの最新データは 2026-10-09（").contains("上限の 1 日より古くなっています")
                .contains("warning: the knowledge base's newest data is from 2026-10-09");
        assertThat(r.stdout()).isEmpty();

        Result env = CliProcess.run(Map.of("MAMORI_KB_MAX_AGE_DAYS", "1"), null, "scan", "--data", data.toString(), JUKI.toString());
        assertThat(env.exitCode()).as("the setting, without the option").isEqualTo(ExitCode.FAILURE);

        Result allowed = CliProcess.run("scan", "--data", data.toString(), "--max-age-days", "1", "--allow-stale", JUKI.toString());
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.stdout()).contains("CVE-2021-44228");
    }

    @Test
    void aFileThatIsNoSbomIsRefusedAsSuch() throws Exception {
        Path passwd = Files.createTempFile("passwd", "");
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\nsshd:x:74:74:Privilege-separated SSH:/usr/share/empty.sshd:/sbin/nologin\n");
        Result r = scan("--data", data.toString(), passwd.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains(passwd.getFileName().toString()).contains("SBOMではありません").contains("not an SBOM");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void theInternetFacingGatewayIsActWithTheKevDeadlineAndAJapaneseExplanation() throws Exception {
        Result r = scan("--data", data.toString(), "--exposure", "open", "--mission", "high", "--format", "json", GATEWAY.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = JSON.readTree(r.stdout());
        assertThat(doc.path("schema").asText()).isEqualTo("mamori.scan/1");
        assertThat(doc.path("sbom").path("format").asText()).isEqualTo("CycloneDX");
        assertThat(doc.path("sbom").path("specVersion").asText()).isEqualTo("1.5");
        JsonNode f = doc.path("findings").get(0);
        assertThat(f.path("id").asText()).isEqualTo("CVE-2023-4966");
        assertThat(f.path("component").path("cpe").asText()).startsWith("cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13");
        assertThat(f.path("match").path("by").asText()).isEqualTo("cpe");
        assertThat(f.path("match").path("source").asText()).isEqualTo("nvd");
        assertThat(f.path("match").path("confidence").asText()).isEqualTo("high");
        assertThat(f.path("match").path("criterion").asText()).contains(">=13.1").contains("<13.1-49.15");
        assertThat(f.path("fixedIn").get(0).asText()).isEqualTo("13.1-49.15");
        assertThat(f.path("cvss").path("source").asText()).isEqualTo("nvd");
        assertThat(f.path("cvss").path("baseScore").asDouble()).isEqualTo(7.5);
        assertThat(f.path("cvssHigherElsewhere").path("baseScore").asDouble()).as("the CNA's 9.4 is shown too").isEqualTo(9.4);
        assertThat(f.path("severityJa").asText()).isEqualTo("重要");
        assertThat(f.path("exploitation").asText()).isEqualTo("active");
        assertThat(f.path("kev").path("dateAdded").asText()).isEqualTo("2023-10-18");
        assertThat(f.path("kev").path("ransomware").asText()).isEqualTo("Known");
        assertThat(f.path("epss").path("score").asDouble()).isEqualTo(0.96486);
        JsonNode ssvc = f.path("ssvc");
        assertThat(ssvc.path("decision").asText()).isEqualTo("Act");
        assertThat(ssvc.path("exposure").asText()).isEqualTo("open");
        assertThat(ssvc.path("automatable").asText()).isEqualTo("yes");
        assertThat(ssvc.path("rule").asText()).contains("cisa_coordinator");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        LocalDate due = LocalDate.parse(f.path("due").asText());
        assertThat(due).as("3 days, or the earlier KEV due date").isBeforeOrEqualTo(today.plusDays(3));
        assertThat(due).as("CISA's 2023-11-08 passed before detection: 3 days from today").isEqualTo(today.plusDays(3));
        assertThat(f.path("dueBasis").asText()).isEqualTo("kev_passed_before_detection");
        assertThat(f.path("kev").path("dueDate").asText()).as("the KEV date is kept as evidence").isEqualTo("2023-11-08");
        assertThat(f.path("explanation").path("ja").asText()).contains("KEV").contains("2023-10-18").contains("直ちに対応");
        assertThat(f.path("explanation").path("en").asText()).isNotBlank();
        assertThat(doc.path("summary").path("act").asInt()).isEqualTo(1);
    }

    @Test
    void failOnActExitsOne() {
        Result r = scan("--data", data.toString(), "--exposure", "open", "--fail-on", "act", GATEWAY.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.THRESHOLD);
        assertThat(r.stdout()).contains("CVE-2023-4966").contains("直ちに対応");
    }

    @Test
    void aPackageSbomFindsLog4ShellByPurlAndSortsByOutcome() throws Exception {
        Result r = scan("--data", data.toString(), "--format", "json", JUKI.toString());
        JsonNode doc = JSON.readTree(r.stdout());
        assertThat(doc.path("findings")).extracting(n -> n.path("id").asText()).containsExactlyInAnyOrder("CVE-2021-44228", "CVE-2022-22965");
        JsonNode log4j = doc.path("findings").findParents("id").stream().filter(n -> n.path("id").asText().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(log4j.path("aliases")).extracting(JsonNode::asText).contains("GHSA-jfh8-c2jp-5v3q", "JVNDB-2021-005429");
        assertThat(log4j.path("match").path("by").asText()).isEqualTo("purl");
        assertThat(log4j.path("match").path("scheme").asText()).isEqualTo("maven");
        assertThat(log4j.path("component").path("purl").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    @Test
    void aVexStatementSuppressesTheFindingAndIsShownAsEvidence() throws Exception {
        Path vex = Files.createTempFile("vex", ".json");
        Files.writeString(vex, """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.jp/vex/juki-2026-001",
                 "author": "Bシステムズ株式会社", "timestamp": "2026-11-01T00:00:00Z", "version": 1,
                 "statements": [{"vulnerability": {"name": "CVE-2022-22965"},
                   "products": [{"@id": "pkg:maven/org.springframework/spring-beans@5.3.17"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path",
                   "impact_statement": "The application runs as an executable jar, not a WAR on Tomcat."}]}
                """);
        Result r = scan("--data", data.toString(), "--format", "json", "--vex", vex.toString(), JUKI.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = JSON.readTree(r.stdout());
        assertThat(doc.path("findings")).extracting(n -> n.path("id").asText()).containsExactly("CVE-2021-44228");
        JsonNode s = doc.path("suppressed").get(0);
        assertThat(s.path("id").asText()).isEqualTo("CVE-2022-22965");
        assertThat(s.path("vex").path("status").asText()).isEqualTo("not_affected");
        assertThat(s.path("vex").path("justification").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
    }

    @Test
    void cycloneDxVexOutputIsValidAgainstTheSchema() throws Exception {
        Result r = scan("--data", data.toString(), "--format", "cyclonedx-vex", JUKI.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var errors = new JsonParser().validate(r.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8), Version.VERSION_15);
        assertThat(errors).isEmpty();
        JsonNode doc = JSON.readTree(r.stdout());
        assertThat(doc.path("vulnerabilities")).extracting(n -> n.path("id").asText()).contains("CVE-2021-44228");
    }

    @Test
    void sarifOutputHasOneResultPerFinding() throws Exception {
        Result r = scan("--data", data.toString(), "--format", "sarif", JUKI.toString());
        JsonNode doc = JSON.readTree(r.stdout());
        assertThat(doc.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = doc.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("Mamori");
        assertThat(run.path("results")).hasSize(2);
        assertThat(run.path("results").get(0).path("level").asText()).isEqualTo("error");
        assertThat(run.path("tool").path("driver").path("rules").get(0).path("properties").path("security-severity").asText()).matches("\\d+\\.\\d");
    }

    @Test
    void aMalformedSbomExitsTwoNamingTheFileAndPlace() throws Exception {
        Path bad = Files.createTempFile("broken", ".cdx.json");
        Files.writeString(bad, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [ {\"name\": ");
        Result r = scan("--data", data.toString(), bad.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains(bad.getFileName().toString()).containsPattern("line \\d+");
    }

    @Test
    void badOptionsAreBadUsage() {
        Result r = scan("--data", data.toString(), "--exposure", "everywhere", GATEWAY.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains("--exposure");
    }
}
