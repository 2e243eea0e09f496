package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianSchemeTest {

    private final VersionScheme scheme = DebianScheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            // ~ sorts before everything, even the end of the string
            "1.0~rc1, 1.0, <",
            "1.0~~, 1.0~, <",
            "1.0~~a, 1.0~~, >",
            "1.0~rc1-1, 1.0-1, <",
            "3.0.11-1~deb12u2, 3.0.11-1, <",
            "3.0.11-1~deb12u1, 3.0.11-1~deb12u2, <",
            // letters sort before non-letters
            "1.0a, 1.0+, <",
            "1.0a, 1.0., <",
            "1.0+, 1.0., <",
            "1.0, 1.0a, <",
            "1.0, 1.0+dfsg, <",
            // epoch
            "1:1.0, 2.0, >",
            "0:1.0, 1.0, =",
            "1:1.0-1, 1:1.0-2, <",
            "2:1.0, 10:0.1, <",
            // revision
            "1.0-1, 1.0-2, <",
            "1.0-10, 1.0-9, >",
            "1.0, 1.0-0, =",
            "1.2.1-2.2+wheezy3, 1.2.1-2.2+wheezy2, >",
            "1.2.1-2.2, 1.2.1-2.2+wheezy3, <",
            "1.2.1-2.1, 1.2.1-2.2+wheezy3, <",
            "1.2-3-4, 1.2-3-5, <",
            // numeric runs
            "1.10, 1.9, >",
            "1.01, 1.1, =",
            "7.88.1-10+deb12u5, 7.88.1-10+deb12u12, <",
            "2.36-9+deb12u4, 2.36-9+deb12u10, <",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({"1.0, true", "1:2.3-4ubuntu1, true", "3.0.11-1~deb12u2, true",
            "a1.0, false", "x:1.0, false", "1.0-, false", "1.0-a_b, false", "'', false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }
}
