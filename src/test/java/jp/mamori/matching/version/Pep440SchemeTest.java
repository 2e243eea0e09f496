package jp.mamori.matching.version;

import static jp.mamori.matching.version.SchemeAssertions.assertOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep440SchemeTest {

    private final VersionScheme scheme = Pep440Scheme.INSTANCE;

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            // normalisation
            "1.0a1, 1.0.0a1, =",
            "1.0a1, 1.0-alpha-1, =",
            "1.0a1, 1.0.0.alpha.1, =",
            "1.0b2, 1.0beta2, =",
            "1.0rc1, 1.0c1, =",
            "1.0rc1, 1.0pre1, =",
            "1.0rc1, 1.0preview1, =",
            "1.0.post1, 1.0-1, =",
            "1.0.post1, 1.0post1, =",
            "1.0.post1, 1.0.rev1, =",
            "1.0.post0, 1.0.post, =",
            "1.0.dev0, 1.0.dev, =",
            "v1.0, 1.0, =",
            "1.0, 1.0.0.0, =",
            "1.0RC1, 1.0rc1, =",
            // ordering of pre, post, dev
            "1.0.dev0, 1.0a1, <",
            "1.0a1.dev0, 1.0a1, <",
            "1.0.dev0, 1.0a1.dev0, <",
            "1.0a1, 1.0a2, <",
            "1.0a2, 1.0b1, <",
            "1.0b1, 1.0rc1, <",
            "1.0rc1, 1.0, <",
            "1.0, 1.0.post1, <",
            "1.0.post1.dev0, 1.0.post1, <",
            "1.0, 1.0.post1.dev0, <",
            "1.0.post1, 1.0.1, <",
            "1.0a10, 1.0a9, >",
            // epochs beat everything
            "1!0.1, 2.0, >",
            "0!2.0, 2.0, =",
            "1!1.0, 2!0.1, <",
            // local versions sort after the public one
            "1.0+local, 1.0, >",
            "1.0+local, 1.0.post1.dev0, <",
            "1.0+abc.1, 1.0+abc.2, <",
            "1.0+abc.5, 1.0+5, <",
            "1.0+1.2, 1.0+1.2.0, <",
            "1.0+ubuntu-1, 1.0+ubuntu.1, =",
            // real PyPI bounds
            "2.30.0, 2.31.0, <",
            "2.3.0, 2.31.0, <",
            "2.31.0, 2.31.0.post1, <",
            "4.2.10, 4.2.9, >",
    })
    void orders(String a, String b, String expected) {
        assertOrder(scheme, a, b, expected);
    }

    @ParameterizedTest
    @CsvSource({"1.0, true", "1!2.3.4a5.post6.dev7+abc.8, true", "1.0-1, true",
            "1.0.0-SNAPSHOT, false", "1.0.x, false", "latest, false", "'', false", "1.0+, false"})
    void validity(String version, boolean valid) {
        assertThat(scheme.isValid(version)).isEqualTo(valid);
    }

    @Test
    void pepExampleSequenceIsSorted() {
        // Order from PEP 440 "Summary of permitted suffixes and relative ordering".
        List<String> expected = List.of("1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1",
                "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(42));
        shuffled.sort(scheme);
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }
}
