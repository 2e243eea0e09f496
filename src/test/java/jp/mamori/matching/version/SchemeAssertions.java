package jp.mamori.matching.version;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks one ordering both ways round, so that every table row also tests antisymmetry. */
final class SchemeAssertions {
    private SchemeAssertions() { }

    static void assertOrder(VersionScheme scheme, String a, String b, String expected) {
        int want = switch (expected) {
            case "<" -> -1;
            case "=" -> 0;
            case ">" -> 1;
            default -> throw new IllegalArgumentException("expected one of < = >: " + expected);
        };
        assertThat(Integer.signum(scheme.compare(a, b))).as("%s %s %s", a, expected, b).isEqualTo(want);
        assertThat(Integer.signum(scheme.compare(b, a))).as("reverse of %s %s %s", a, expected, b).isEqualTo(-want);
    }
}
