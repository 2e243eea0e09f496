package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmSchemeTest {

    private final VersionScheme scheme = RpmScheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            // rpmvercmp cases from rpm's own test suite
            "1.0, 1.0, =",
            "1.0, 2.0, <",
            "2.0.1, 2.0.1, =",
            "2.0, 2.0.1, <",
            "2.0.1a, 2.0.1a, =",
            "2.0.1a, 2.0.1, >",
            "5.5p1, 5.5p2, <",
            "5.5p10, 5.5p1, >",
            "10xyz, 10.1xyz, <",
            "xyz10, xyz10.1, <",
            "xyz.4, 8, <",
            "5.5p1, 5.5.p1, =",
            "5.5p1, 5.5.p10, <",
            "10b2, 10a1, >",
            "1.0aa, 1.0a, >",
            "6.0rc1, 6.0, >",
            "1b.fc17, 1b.fc17, =",
            "1.1.α, 1.1.α, =",
            // tilde: pre-release
            "1.0~rc1, 1.0, <",
            "1.0~rc1, 1.0~rc2, <",
            "1.0~rc1~git123, 1.0~rc1, <",
            "1.0~rc1, 1.0arc1, <",
            // caret: post-release snapshot
            "1.0^, 1.0, >",
            "1.0^git1, 1.0, >",
            "1.0^git1, 1.01, <",
            "1.0^git1, 1.0^git2, <",
            "1.0^git1~pre, 1.0^git1, <",
            "1.0^20160101, 1.0.1, <",
            "1.0~rc1^git1, 1.0~rc1, >",
            // epoch:version-release
            "1:1.0-1, 2.0-1, >",
            "0:2.13.3-3.el8_6.1, 2.13.3-3.el8_6.1, =",
            "2.13.3-3.el8_6, 0:2.13.3-3.el8_6.1, <",
            "2.13.3-2.el8, 0:2.13.3-3.el8_6.1, <",
            "2.13.3-3.el8_6.1, 2.13.4-1.el8, <",
            "1.0-1, 1.0-1.1, <",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({"1.0, true", "0:2.13.3-3.el8_6.1, true", "1.0^git1, true",
            "x:1.0, false", "1.0-, false", "'', false", "'1.0 2', false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }
}
