package jp.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.mamori.app.inventory.AddSbom;
import jp.mamori.app.scan.ScanSbom;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.assessment.report.ScanJson;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.AssetKind;
import jp.mamori.inventory.Exposure;
import jp.mamori.inventory.Importance;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Segment;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingRow;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.ssvc.Mission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 defect 1: NVD describes the Citrix ADC of CVE-2019-19781 as firmware running on hardware
 * (an AND configuration). Firmware and hardware listed as separate parts of one asset — two SBOM
 * components, or the asset record's CPE and one component — meet "running on" together; the finding is
 * reported on the firmware (the vulnerable entry) and its evidence names the part that satisfied the
 * hardware entry. Firmware alone, or hardware alone, is not a finding.
 */
public class RunningOnPlatformTest {

    public static final String FIRMWARE = "cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0-47.22:*:*:*:*:*:*:*";
    public static final String HARDWARE = "cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*";

    /** Our own NVD API 2.0 response: one record, firmware 13.0 running on the ADC hardware. */
    public static final String NVD = """
            {"resultsPerPage": 1, "startIndex": 0, "totalResults": 1, "format": "NVD_CVE", "version": "2.0",
             "timestamp": "2026-11-20T00:00:00.000",
             "vulnerabilities": [{"cve": {
               "id": "CVE-2019-19781", "sourceIdentifier": "cve@mitre.org",
               "published": "2019-12-27T14:15:10.000", "lastModified": "2025-10-20T00:00:00.000", "vulnStatus": "Analyzed",
               "descriptions": [{"lang": "en", "value": "Path traversal in the ADC and Gateway management interface (test record)."}],
               "metrics": {"cvssMetricV31": [{"source": "nvd@nist.gov", "type": "Primary", "cvssData": {"version": "3.1",
                 "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL"}}]},
               "configurations": [{"operator": "AND", "nodes": [
                 {"operator": "OR", "negate": false, "cpeMatch": [
                   {"vulnerable": true, "criteria": "cpe:2.3:o:citrix:application_delivery_controller_firmware:13.0:*:*:*:*:*:*:*",
                    "matchCriteriaId": "00000000-0000-0000-0000-000000000001"}]},
                 {"operator": "OR", "negate": false, "cpeMatch": [
                   {"vulnerable": false, "criteria": "cpe:2.3:h:citrix:application_delivery_controller:-:*:*:*:*:*:*:*",
                    "matchCriteriaId": "00000000-0000-0000-0000-000000000002"}]}]}],
               "references": [{"url": "https://support.citrix.com/article/CTX267027", "source": "cve@mitre.org"}]}}]}
            """;

    public static String sbom(boolean firmware, boolean hardware) {
        String fw = """
                {"type": "firmware", "bom-ref": "fw", "name": "ADC firmware", "version": "13.0-47.22", "cpe": "%s"}""".formatted(FIRMWARE);
        String hw = """
                {"type": "device", "bom-ref": "hw", "name": "ADC MPX 8900", "version": "-", "cpe": "%s"}""".formatted(HARDWARE);
        String parts = firmware && hardware ? fw + ", " + hw : firmware ? fw : hw;
        return """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "metadata": {"component": {"type": "device", "bom-ref": "adc", "name": "Citrix ADC"}},
                 "components": [%s]}
                """.formatted(parts);
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private Path dir;
    private Database db;
    private Mamori mamori;
    private long org;
    private long sys;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("mamori-running-on-");
        db = Database.open(TestDatabases.h2());
        mamori = Mamori.open(db, CLOCK, new MamoriSettings(dir, Map.of()));
        InventoryRepository inv = mamori.inventory();
        org = inv.createOrganization("012050", "C村", "municipality").id();
        sys = inv.createSystem(org, "tw", "テレワーク", Segment.INTERNET, new Importance("3B", "2", "2"), null, null, List.of()).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Asset asset(String code, String cpe) {
        return mamori.inventory().createAsset(org, sys, new InventoryRepository.NewAsset(code, "ADC", AssetKind.NETWORK_APPLIANCE,
                "Citrix", "ADC", null, cpe, Exposure.OPEN, true, null));
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private void importNvd() throws Exception {
        assertThat(mamori.importFeeds().run(Actor.system("test"), List.of(file("nvd.json", NVD)), null, null).summary().failed()).isFalse();
    }

    private void addSbom(Asset a, String name, String content) throws Exception {
        mamori.addSbom().run(Actor.system("test"), org, a.id(), new AddSbom.Input(file(name, content), name, null, true));
    }

    private List<FindingRow> findings(Asset a) {
        return mamori.findings().list(org, FindingQuery.Filter.all(), 100, 0).stream().filter(r -> r.assetId() == a.id()).toList();
    }

    private JsonNode evidence(FindingRow r) throws Exception {
        return new ObjectMapper().readTree(mamori.findingHistory().evidence(org, r.id()).orElseThrow());
    }

    @Test
    void firmwareAndHardwareInOneSbomMeetRunningOnAndTheFindingIsOnTheFirmware() throws Exception {
        Asset adc = asset("adc-01", null);
        addSbom(adc, "adc.cdx.json", sbom(true, true));
        assertThat(findings(adc)).as("no advisory yet").isEmpty();
        importNvd(); // the import re-matches what the advisory reaches: the firmware, with the whole asset as platform
        List<FindingRow> rows = findings(adc);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.vulnId()).isEqualTo("CVE-2019-19781");
            assertThat(r.componentName()).isEqualTo("ADC firmware");
        });
        JsonNode match = evidence(rows.get(0)).get("match");
        assertThat(match.get("identifier").asText()).isEqualTo(FIRMWARE);
        assertThat(match.get("runningOn")).singleElement().satisfies(p -> assertThat(p.asText())
                .contains("cpe:2.3:h:citrix:application_delivery_controller:-").contains("component hw (ADC MPX 8900)"));

        addSbom(adc, "adc-v2.cdx.json", sbom(true, true).replace("\"version\": 1", "\"version\": 2"));
        assertThat(findings(adc)).as("the same SBOM again: still one finding").hasSize(1);
    }

    @Test
    void theAssetRecordsHardwareCpeIsPartOfThePlatform() throws Exception {
        importNvd();
        Asset adc = asset("adc-02", HARDWARE);
        addSbom(adc, "fw.cdx.json", sbom(true, false));
        List<FindingRow> rows = findings(adc);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.componentName()).isEqualTo("ADC firmware"));
        assertThat(evidence(rows.get(0)).get("match").get("runningOn").get(0).asText()).contains("資産 adc-02");
    }

    @Test
    void firmwareAloneOrHardwareAloneIsNoFinding() throws Exception {
        importNvd();
        Asset fwOnly = asset("adc-03", null);
        addSbom(fwOnly, "fw.cdx.json", sbom(true, false));
        assertThat(findings(fwOnly)).as("firmware without the hardware it must run on").isEmpty();
        Asset hwOnly = asset("adc-04", null);
        addSbom(hwOnly, "hw.cdx.json", sbom(false, true));
        assertThat(findings(hwOnly)).as("the hardware entry is not vulnerable by itself").isEmpty();
    }

    @Test
    void scanTakesTheDocumentAsThePlatform() throws Exception {
        importNvd();
        ScanSbom.Result both = mamori.scanSbom().run(file("both.cdx.json", sbom(true, true)),
                new AssetContext(jp.mamori.triage.ssvc.Exposure.OPEN, Mission.HIGH, "scan", "scan"), List.of());
        assertThat(both.findings()).singleElement().satisfies(f -> {
            assertThat(f.match().vulnId()).isEqualTo("CVE-2019-19781");
            assertThat(f.target().ref()).isEqualTo("fw");
            assertThat(ScanJson.finding(f).get("match").get("runningOn").get(0).asText()).contains("component hw");
        });
        List<AssessedFinding> alone = mamori.scanSbom().run(file("fw.cdx.json", sbom(true, false)),
                new AssetContext(jp.mamori.triage.ssvc.Exposure.OPEN, Mission.HIGH, "scan", "scan"), List.of()).findings();
        assertThat(alone).isEmpty();
    }
}
