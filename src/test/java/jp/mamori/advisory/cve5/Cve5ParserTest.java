package jp.mamori.advisory.cve5;

import static jp.mamori.advisory.feed.CollectingSink.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.Reference;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.feed.CollectingSink;
import org.junit.jupiter.api.Test;

class Cve5ParserTest {
    private final Cve5Parser parser = new Cve5Parser();

    private Advisory parse(String resource) throws Exception {
        return parseText(new String(resource("/feeds/cve5/" + resource).readAllBytes(), StandardCharsets.UTF_8), resource);
    }

    private Advisory parseText(String doc, String name) throws Exception {
        CollectingSink sink = new CollectingSink();
        parser.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), name, sink);
        assertThat(sink.advisories).hasSize(1);
        return sink.advisories.get(0);
    }

    private static RangeEvent introduced(String v) { return new RangeEvent("introduced", v); }

    private static RangeEvent fixed(String v) { return new RangeEvent("fixed", v); }

    @Test
    void citrixRecordFromCnaAndCisaAdp() throws Exception {
        Advisory a = parse("CVE-2023-4966.json");

        assertThat(a.vulnId()).isEqualTo("CVE-2023-4966");
        assertThat(a.documentId()).isEqualTo("CVE-2023-4966");
        assertThat(a.source()).isEqualTo(Source.CVE5);
        assertThat(a.title()).isEqualTo("Unauthenticated sensitive information disclosure");
        assertThat(a.published()).isEqualTo(Instant.parse("2023-10-10T13:12:17.644Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2025-07-28T19:43:50.439Z"));
        assertThat(a.cvss()).containsExactly(
                new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L", 9.4, "cna:Citrix", null));
        assertThat(a.cwes()).containsExactly("CWE-119");
        assertThat(a.exploited()).as("CISA-ADP SSVC Exploitation: active").isTrue();
    }

    @Test
    void affectedWithoutCpesBecomesCve5PackagesWithPatchRanges() throws Exception {
        Advisory a = parse("CVE-2023-4966.json");

        assertThat(a.configurations()).isEmpty();
        assertThat(a.packages()).extracting(AffectedPackage::ecosystem, AffectedPackage::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cve5:Citrix", "NetScaler ADC"),
                org.assertj.core.groups.Tuple.tuple("cve5:Citrix", "NetScaler Gateway"));
        AffectedPackage adc = a.packages().get(0);
        assertThat(adc.ranges()).hasSize(6);
        assertThat(adc.ranges()).contains(new PackageRange("PATCH", List.of(introduced("13.1"), fixed("49.15"))));
        assertThat(adc.ranges()).contains(new PackageRange("PATCH", List.of(introduced("12.1-NDcPP"), fixed("55.300"))));
    }

    @Test
    void referencesAreMergedAcrossContainers() throws Exception {
        Advisory a = parse("CVE-2023-4966.json");

        assertThat(a.references()).extracting(Reference::url).containsExactly(
                "https://support.citrix.com/article/CTX579459",
                "http://packetstormsecurity.com/files/175323/Citrix-Bleed-Session-Token-Leakage-Proof-Of-Concept.html");
        assertThat(a.references().get(0).tags()).containsExactly("x_transferred");
    }

    @Test
    void log4jChangesBecomeRangeEventsAndWildcardBoundIsNoVersion() throws Exception {
        Advisory a = parse("CVE-2021-44228.json");

        assertThat(a.packages()).singleElement().satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("cve5:Apache Software Foundation");
            assertThat(p.name()).isEqualTo("Apache Log4j2");
            assertThat(p.ranges()).containsExactly(new PackageRange("CUSTOM", List.of(
                    introduced("2.0-beta9"), fixed("2.3.1"), introduced("2.4"), fixed("2.12.2"),
                    introduced("2.13.0"), fixed("2.15.0"))));
        });
    }

    @Test
    void adpCvssIsAttributedToTheAdp() throws Exception {
        Advisory a = parse("CVE-2021-44228.json");

        assertThat(a.cvss()).containsExactly(
                new CvssScore("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "adp:CISA-ADP", null));
        assertThat(a.cwes()).containsExactly("CWE-502", "CWE-400", "CWE-20");
        assertThat(a.exploited()).isTrue();
    }

    @Test
    void exactVersionsAndUnaffectedCpeEntries() throws Exception {
        Advisory a = parse("CVE-2024-3094.json");

        assertThat(a.packages()).singleElement().satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("cve5:https://github.com/tukaani-project/xz");
            assertThat(p.name()).isEqualTo("xz");
            assertThat(p.versions()).containsExactly("5.6.0", "5.6.1");
            assertThat(p.ranges()).isEmpty();
        });
        // Red Hat lists RHEL 9 with a CPE but unaffected by default and no affected version
        assertThat(a.configurations()).isEmpty();
        assertThat(a.exploited()).as("SSVC Exploitation: none").isFalse();
        assertThat(a.cvss()).extracting(CvssScore::source).containsExactly("cna:redhat");
    }

    @Test
    void cpesWithAffectedVersionsBecomeAConfiguration() throws Exception {
        // constructed variant: the Citrix record with a CPE on the Gateway entry
        String doc = new String(resource("/feeds/cve5/CVE-2023-4966.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"product\": \"NetScaler Gateway\",",
                        "\"product\": \"NetScaler Gateway\", \"cpes\": [\"cpe:/a:citrix:netscaler_gateway\"],");
        Advisory a = parseText(doc, "variant.json");

        assertThat(a.packages()).extracting(AffectedPackage::name).containsExactly("NetScaler ADC");
        assertThat(a.configurations()).singleElement().satisfies(c -> assertThat(c.nodes().get(0).cpeMatch()).containsExactly(
                new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", "14.1", null, null, "8.50"),
                new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", "13.1", null, null, "49.15"),
                new CpeMatch(true, "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*", "13.0", null, null, "92.19")));
    }

    @Test
    void ssvcPocBecomesAnExploitReferenceToTheRecord() throws Exception {
        String doc = new String(resource("/feeds/cve5/CVE-2023-4966.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"Exploitation\": \"active\"", "\"Exploitation\": \"poc\""); // constructed variant
        Advisory a = parseText(doc, "poc.json");

        assertThat(a.exploited()).isFalse();
        assertThat(a.references()).filteredOn(Reference::isExploit).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo("https://www.cve.org/CVERecord?id=CVE-2023-4966");
            assertThat(r.tags()).containsExactly("Exploit", "exploit:poc", "ssvc:adp:CISA-ADP");
        });
    }

    @Test
    void rejectedRecordIsWithdrawnWithItsReason() throws Exception {
        Advisory a = parse("CVE-2022-44577.rejected.json");

        assertThat(a.withdrawn()).isTrue();
        assertThat(a.descriptions().get("en")).contains("not a security issue");
        assertThat(a.published()).isNull();
    }

    @Test
    void otherJsonIsRefusedByDataType() {
        assertThatThrownBy(() -> parse("not-a-cve-record.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("not-a-cve-record.json (at /dataType): not a CVE JSON 5 record (dataType is 'CVE_LIST')");
    }

    @Test
    void recordWithoutIdNamesThePointer() {
        assertThatThrownBy(() -> parseText("{\"dataType\":\"CVE_RECORD\",\"cveMetadata\":{\"state\":\"PUBLISHED\"},\"containers\":{}}", "x.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("x.json (at /cveMetadata/cveId): CVE record without cveMetadata.cveId");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"dataType\":\"CVE_RECORD\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThatThrownBy(() -> parseText(deep, "deep.json"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("deep.json (line 1")
                .hasMessageContaining("nesting depth");
    }
}
