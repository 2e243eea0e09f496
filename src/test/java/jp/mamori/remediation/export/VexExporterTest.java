package jp.mamori.remediation.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jp.mamori.remediation.Decision;
import jp.mamori.remediation.DecisionAction;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.MutableClock;
import jp.mamori.remediation.RemediationFixture;
import jp.mamori.remediation.VexJustification;
import jp.mamori.testsupport.TestDatabases;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The organisation's decisions on one asset as OpenVEX and CycloneDX VEX. */
class VexExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MORNING = Instant.parse("2026-12-01T00:00:00Z");

    private static void decided(RemediationFixture fx) {
        long notAffected = fx.finding(fx.server, "purl:a", "CVE-2021-44228", "act", fx.today(), FindingState.NEW);
        long patch = fx.finding(fx.server, "purl:b", "CVE-2022-22965", "act", fx.today(), FindingState.NEW);
        long accepted = fx.finding(fx.server, "purl:c", "CVE-2020-0003", "track", fx.today(), FindingState.NEW);
        long falsePositive = fx.finding(fx.server, "purl:d", "CVE-2020-0004", "track", fx.today(), FindingState.NEW);
        fx.finding(fx.server, "purl:e", "CVE-2020-0005", "track", fx.today(), FindingState.FIXED);
        fx.finding(fx.server, "purl:f", "CVE-2020-0006", "attend", fx.today(), FindingState.NEW);
        fx.workflow.decide(fx.org.id(), notAffected, Decision.of(DecisionAction.NOT_AFFECTED, "JndiLookup removed", "sec-officer")
                .withJustification(VexJustification.VULNERABLE_CODE_NOT_PRESENT));
        fx.workflow.decide(fx.org.id(), patch, Decision.of(DecisionAction.PATCH, "next window", "sec-officer").withUntil(fx.today().plusDays(7)));
        fx.workflow.decide(fx.org.id(), accepted, Decision.of(DecisionAction.ACCEPT, "retired soon", "sec-officer").withUntil(fx.today().plusDays(30)));
        fx.workflow.decide(fx.org.id(), falsePositive, Decision.of(DecisionAction.FALSE_POSITIVE, "other product", "sec-officer"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void openVexStatesEachDecision(TestDatabases.Kind kind) throws Exception {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            decided(fx);
            VexExporter.Document doc = new VexExporter(fx.db, fx.clock).openVex(fx.org.id(), fx.server.code());
            JsonNode root = JSON.readTree(doc.json());
            assertThat(root.get("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
            assertThat(root.get("author").asText()).contains("試験市");
            assertThat(root.get("timestamp").asText()).isEqualTo("2026-12-01T00:00:00Z");
            Map<String, JsonNode> byVuln = new HashMap<>();
            for (JsonNode s : root.get("statements")) byVuln.put(s.at("/vulnerability/name").asText(), s);
            assertThat(byVuln).hasSize(6);
            assertThat(byVuln.get("CVE-2021-44228").get("status").asText()).isEqualTo("not_affected");
            assertThat(byVuln.get("CVE-2021-44228").get("justification").asText()).isEqualTo("vulnerable_code_not_present");
            assertThat(byVuln.get("CVE-2022-22965").get("status").asText()).isEqualTo("affected");
            assertThat(byVuln.get("CVE-2022-22965").get("action_statement").asText()).contains("patch scheduled by " + fx.today().plusDays(7));
            assertThat(byVuln.get("CVE-2020-0003").get("action_statement").asText()).contains("risk accepted until");
            assertThat(byVuln.get("CVE-2020-0004").get("status").asText()).isEqualTo("not_affected");
            assertThat(byVuln.get("CVE-2020-0004").get("impact_statement").asText()).contains("false positive");
            assertThat(byVuln.get("CVE-2020-0005").get("status").asText()).isEqualTo("fixed");
            assertThat(byVuln.get("CVE-2020-0006").get("status").asText()).isEqualTo("under_investigation");
            for (JsonNode s : root.get("statements")) assertThat(s.at("/products/0/@id").asText()).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void cycloneDxVexIsSchemaValidAndCarriesTheAnalysis(TestDatabases.Kind kind) throws Exception {
        try (RemediationFixture fx = new RemediationFixture(kind, new MutableClock(MORNING))) {
            decided(fx);
            VexExporter.Document doc = new VexExporter(fx.db, fx.clock).cycloneDx(fx.org.id(), fx.server.code());
            byte[] bytes = doc.json().getBytes(StandardCharsets.UTF_8);
            assertThat(new JsonParser().validate(bytes, Version.VERSION_15)).isEmpty();
            JsonNode root = JSON.readTree(bytes);
            Map<String, JsonNode> byVuln = new HashMap<>();
            for (JsonNode v : root.get("vulnerabilities")) byVuln.put(v.get("id").asText(), v.get("analysis"));
            assertThat(byVuln.get("CVE-2021-44228").get("state").asText()).isEqualTo("not_affected");
            assertThat(byVuln.get("CVE-2021-44228").get("justification").asText()).isEqualTo("code_not_present");
            assertThat(byVuln.get("CVE-2022-22965").get("state").asText()).isEqualTo("exploitable");
            assertThat(byVuln.get("CVE-2022-22965").get("response").get(0).asText()).isEqualTo("update");
            assertThat(byVuln.get("CVE-2020-0003").get("response").get(0).asText()).isEqualTo("will_not_fix");
            assertThat(byVuln.get("CVE-2020-0004").get("state").asText()).isEqualTo("false_positive");
            assertThat(byVuln.get("CVE-2020-0005").get("state").asText()).isEqualTo("resolved");
            assertThat(byVuln.get("CVE-2020-0006").get("state").asText()).isEqualTo("in_triage");
            assertThat(root.at("/metadata/component/name").asText()).isEqualTo("住民記録システム");
        }
    }
}
