package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApkSchemeTest {

    private final VersionScheme scheme = ApkScheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            "10.4.25-r0, 10.4.25-r1, <",
            "10.4.24-r5, 10.4.25-r0, <",
            "10.4.25, 10.4.25-r0, <",
            "1.0.2p-r0, 1.0.2q-r0, <",
            "1.0.2q-r0, 1.0.2-r0, >",
            "1.0.2, 1.0.2a, <",
            "1.0.2a, 1.0.3, <",
            "1.0_rc1, 1.0, <",
            "1.0_alpha1, 1.0_beta1, <",
            "1.0_beta1, 1.0_pre1, <",
            "1.0_pre1, 1.0_rc1, <",
            "1.0_rc, 1.0_rc1, <",
            "1.0, 1.0_p1, <",
            "1.0_p1, 1.0.1, <",
            "1.0_git20200101, 1.0_p1, <",
            "1.0-r1, 1.0_p1, <",
            "1.0a, 1.0.1, <",
            "1.10, 1.9, >",
            "1.01, 1.1, <",
            "1.001, 1.01, <",
            "3.1.4-r5, 3.1.4-r5, =",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({"10.4.25-r0, true", "1.0.2q-r0, true", "2.4_pre1_p2-r3, true",
            "1.0-1, false", "1.0_foo, false", "v1.0, false", "'', false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }
}
