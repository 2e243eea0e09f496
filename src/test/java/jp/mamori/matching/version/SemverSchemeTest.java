package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverSchemeTest {

    private final VersionScheme scheme = SemverScheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            "1.0.0, 2.0.0, <",
            "2.0.0, 2.1.0, <",
            "2.1.0, 2.1.1, <",
            "1.10.0, 1.9.0, >",
            // SemVer §11 example chain
            "1.0.0-alpha, 1.0.0-alpha.1, <",
            "1.0.0-alpha.1, 1.0.0-alpha.beta, <",
            "1.0.0-alpha.beta, 1.0.0-beta, <",
            "1.0.0-beta, 1.0.0-beta.2, <",
            "1.0.0-beta.2, 1.0.0-beta.11, <",
            "1.0.0-beta.11, 1.0.0-rc.1, <",
            "1.0.0-rc.1, 1.0.0, <",
            "1.0.0-1, 1.0.0-alpha, <",
            "1.0.0-Z, 1.0.0-a, <",
            // build metadata is ignored
            "1.0.0+build.1, 1.0.0+build.2, =",
            "1.0.0+20130313144700, 1.0.0, =",
            "1.0.0-beta+exp.sha.5114f85, 1.0.0-beta, =",
            // npm tolerates a leading v or =
            "v1.2.3, 1.2.3, =",
            "=1.2.3, 1.2.3, =",
            "4.17.20, 4.17.21, <",
            "99999999999999999999.0.0, 100000000000000000000.0.0, <",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({
            "1.2.3, true", "1.2.3-rc.1+b5, true", "v1.2.3, true",
            "1.2, false", "1, false", "01.2.3, false", "1.2.3-01, false", "1.2.3-, false",
            "1.2.3.4, false", "latest, false", "'', false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }
}
