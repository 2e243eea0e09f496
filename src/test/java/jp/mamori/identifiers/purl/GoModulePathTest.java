package jp.mamori.identifiers.purl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 13 defect 2: a Go module path with capitals meets its advisory; people see the SBOM's spelling. */
class GoModulePathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "pkg:golang/github.com/Masterminds/goutils@v1.1.1-0.20210101000000-abcdefabcdef; github.com/Masterminds/goutils",
            "pkg:golang/github.com/AdguardTeam/AdGuardHome@v0.107.0; github.com/AdguardTeam/AdGuardHome",
            "pkg:golang/github.com/ClickHouse/ch-go@v0.58.1?type=module; github.com/ClickHouse/ch-go",
            "pkg:golang/github.com/Azure/go-ntlmssp@v0.0.0-20221128193559-754e69321358#sub/dir; github.com/Azure/go-ntlmssp",
            "pkg:golang/github.com/DataDog/dd-trace-go@v1.50.0; github.com/DataDog/dd-trace-go",
            "pkg:golang/github.com/0xJacky/Nginx-UI@v2.0.0; github.com/0xJacky/Nginx-UI",
            "pkg:golang/github.com/0xJacky/nginx-ui@v2.0.0; github.com/0xJacky/nginx-ui",
    })
    void theComponentAndTheAdvisoryMeetAndTheDisplayedPathIsTheSboms(String purl, String published) {
        PurlKey component = PurlKey.fromPurl(purl).orElseThrow();
        PurlKey advisory = PurlKey.fromOsv("Go", published);
        assertThat(component.withoutVersion().lookupKey()).isEqualTo(advisory.lookupKey());
        assertThat(PurlKey.displayName(purl, component)).isEqualTo(published);
    }

    @Test
    void pathsDifferingOnlyInCaseShareAKeyButKeepTheirSpelling() {
        String upper = "pkg:golang/github.com/0xJacky/Nginx-UI@v2.0.0";
        String lower = "pkg:golang/github.com/0xJacky/nginx-ui@v2.0.0";
        PurlKey a = PurlKey.fromPurl(upper).orElseThrow();
        PurlKey b = PurlKey.fromPurl(lower).orElseThrow();
        assertThat(a.lookupKey()).isEqualTo(b.lookupKey());
        assertThat(PurlKey.displayName(upper, a)).isNotEqualTo(PurlKey.displayName(lower, b));
    }

    @Test
    void otherEcosystemsKeepTheirKeyName() {
        String purl = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
        PurlKey k = PurlKey.fromPurl(purl).orElseThrow();
        assertThat(PurlKey.displayName(purl, k)).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(PurlKey.fromOsv("Maven", "org.Apache:Thing").name()).as("Maven keeps its case").isEqualTo("org.Apache:Thing");
    }
}
