package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoSchemeTest {

    private final VersionScheme scheme = GoScheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            "v1.2.3, 1.2.3, =",
            "v1.2.3, v1.10.0, <",
            // pseudo-versions are pre-releases of the next patch (or of v0.0.0)
            "v0.0.0-20210101000000-abcdef123456, v0.0.0-20220906165146-f3363e06e74c, <",
            "v0.0.0-20220906165146-f3363e06e74c, 0.0.0-20220906165146-f3363e06e74c, =",
            "v0.0.0-20210101000000-abcdef123456, v0.0.0, <",
            "v0.0.0-20220906165146-f3363e06e74c, v0.1.0, <",
            "v1.2.4-0.20210101000000-abcdef123456, v1.2.3, >",
            "v1.2.4-0.20210101000000-abcdef123456, v1.2.4, <",
            // +incompatible is build metadata
            "v2.0.0+incompatible, v2.0.0, =",
            "v2.0.0+incompatible, v2.1.0+incompatible, <",
            // OSV stdlib bounds: 1.19.0-0 is the first pre-release of 1.19
            "1.19.0-0, 1.19.0-rc.1, <",
            "1.19.0-0, 1.18.6, >",
            // Go's shorthand and toolchain names
            "v1.2, v1.2.0, =",
            "v1, v1.0.0, =",
            "go1.21.3, 1.21.3, =",
            "go1.20, 1.20.0, =",
            "go1.21rc2, 1.21.0-rc.2, =",
            "go1.21rc2, 1.21.0, <",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({"v1.2.3, true", "v0.0.0-20210101000000-abcdef123456, true", "v2.0.0+incompatible, true",
            "go1.21.3, true", "v1.2.3.4, false", "vX, false", "master, false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }
}
