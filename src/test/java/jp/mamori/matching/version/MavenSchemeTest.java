package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenSchemeTest {

    private final VersionScheme scheme = MavenScheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            "2.0-beta9, 2.0, <",
            "2.0-beta9, 2.0-rc1, <",
            "2.0-beta9, 2.0-beta10, <",
            "2.0-alpha1, 2.0-beta1, <",
            "2.0-beta1, 2.0-milestone1, <",
            "2.0-milestone1, 2.0-rc1, <",
            "2.0-rc1, 2.0-cr1, =",
            "2.0-rc1, 2.0-SNAPSHOT, <",
            "2.0-SNAPSHOT, 2.0, <",
            "2.0, 2.0-sp1, <",
            "2.0, 2.0.0, =",
            "2.0, 2.0-ga, =",
            "2.0, 2.0-final, =",
            "5.2.20.RELEASE, 5.2.20, =",
            "5.2.19.RELEASE, 5.2.20.RELEASE, <",
            "2.14.1, 2.15.0, <",
            "2.12.2, 2.12.10, <",
            "2.13.2.1, 2.13.2, >",
            "2.13.2.1, 2.13.3, <",
            "2.0-beta9, 2.15.0, <",
            "1.0-a1, 1.0-alpha1, =",
            "1.0-b1, 1.0-beta1, =",
            "1.0-m1, 1.0-milestone1, =",
            "1.0.0.Final, 1.0.0, =",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({"2.0-beta9, true", "5.2.20.RELEASE, true", "LATEST, false", "'1.0 beta', false", "'', false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }
}
