package jp.mamori.matching.vex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.VexStatus;
import jp.mamori.matching.MatchTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VexMatcherTest {

    private static final MatchTarget LOG4J = new MatchTarget("log4j", "log4j-core", "2.14.1",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null);
    private static final MatchTarget GATEWAY = new MatchTarget("gw", "NetScaler Gateway", "13.1-49.13", null,
            "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*");

    @ParameterizedTest(name = "{0} covers log4j-core 2.14.1: {1}")
    @CsvSource({
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1, true",
            "pkg:maven/org.apache.logging.log4j/log4j-core, true",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1, false",
            "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1, false",
            "log4j-core, true",
            "log4j, true",
            "something-else, false"
    })
    void productsCoverTargetsByPurlVersionOrName(String product, boolean covered) {
        assertThat(VexMatcher.covers(product, LOG4J)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0} covers the gateway: {1}")
    @CsvSource({
            "cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*, true",
            "cpe:2.3:a:citrix:netscaler_gateway:13.1-49.13:*:*:*:*:*:*:*, true",
            "cpe:2.3:a:citrix:netscaler_gateway:14.1-8.50:*:*:*:*:*:*:*, false",
            "cpe:2.3:a:citrix:netscaler_application_delivery_controller:*:*:*:*:*:*:*:*, false"
    })
    void cpeProductsCoverDevices(String product, boolean covered) {
        assertThat(VexMatcher.covers(product, GATEWAY)).isEqualTo(covered);
    }

    @Test
    void theNewestStatementWins() {
        VexStatement old = new VexStatement("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core", VexStatus.UNDER_INVESTIGATION,
                null, null, null, Source.OPENVEX, "doc-1", Instant.parse("2021-12-11T00:00:00Z"));
        VexStatement newer = new VexStatement("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", VexStatus.NOT_AFFECTED,
                "vulnerable_code_not_in_execute_path", "JNDI lookups are disabled", null, Source.OPENVEX, "doc-2", Instant.parse("2021-12-15T00:00:00Z"));
        assertThat(VexMatcher.applicable(List.of(newer, old), LOG4J)).contains(newer);
    }
}
