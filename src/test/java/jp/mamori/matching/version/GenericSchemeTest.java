package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericSchemeTest {

    private final VersionScheme scheme = GenericScheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            // Citrix NetScaler builds: release-build.sub
            "13.1-49.13, 13.1-49.15, <",
            "13.1-49.15, 13.1-49.15, =",
            "13.1-49.14, 13.1-49.15, <",
            "13.1-37.164, 13.1-49.15, <",
            "13.1, 13.1-37.164, <",
            "13.1-37.163, 13.1-37.164, <",
            "12.1-55.297, 12.1-55.300, <",
            "13.0-92.19, 13.1, <",
            "14.1-8.50, 14.1-8.6, >",
            "13.1 Build 49.15, 13.1-49.15, =",
            // Pulse / Ivanti release tokens
            "9.0R3.4, 9.0R3, >",
            "9.1R1, 9.0R3.4, >",
            "22.7R2.3, 22.7R2, >",
            "22.7R2.3, 22.7R1, >",
            "22.2R1.1, 22.2R1, >",
            "22.2, 22.2R1, <",
            "8.2R1, 8.2R1.0, =",
            "9.4R3, 9.4.1, <",
            "9.1r11.3, 9.1R11.3, =",
            // Palo Alto hotfixes
            "9.1.10-h1, 9.1.10, >",
            "9.1.10-h1, 9.1.11, <",
            "9.1.10-h1, 9.1.10-h10, <",
            "10.2.0-h3, 10.2.0h3, =",
            "10.2.0-h3, 10.2.1, <",
            // FortiOS and plain dotted versions
            "7.0.12, 7.0.9, >",
            "7.2.5, 7.2.5, =",
            "7.0, 7.0.0, =",
            "v7.2.5, 7.2.5, =",
            "6.0.16, 6.0.5, >",
            "1.0.0, 1.0, =",
            "10.0, 9.9.9, >",
            "0010.1, 10.1, =",
            "123456789012345678901234567890, 123456789012345678901234567891, <",
            // pre-release words before the release, other letters after it
            "2.0-beta9, 2.0, <",
            "2.0-beta9, 2.0-rc1, <",
            "2.0-alpha1, 2.0-beta1, <",
            "2.0-dev, 2.0-alpha, <",
            "2.0-rc1, 2.0.0, <",
            "2.0-RC1, 2.0-rc1, =",
            "1.0-preview, 1.0-pre, =",
            "1.0.2a, 1.0.2, >",
            "1.0.2a, 1.0.2b, <",
            "1.0.2zh, 1.0.3, <",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({"7.0.12, true", "13.1-49.15, true", "22.7R2.3, true", "'', false", "'   ', false", "latest, false", "n/a, false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }

    @Test
    void rejectsVersionsWithoutDigits() {
        assertThatThrownBy(() -> scheme.compare("latest", "1.0"))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("generic");
    }

    @Test
    void sortingAMixedListGivesTheDocumentedOrder() {
        List<String> expected = List.of("2.0-beta9", "2.0", "2.0-h1", "2.0.1", "2.0.1R1", "2.0.1R1.1", "2.0.2");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);
        shuffled.sort(scheme);
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }
}
