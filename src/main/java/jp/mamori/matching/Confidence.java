package jp.mamori.matching;

/**
 * How sure a match is. HIGH: the version was compared against a range or exact version of the
 * advisory. MEDIUM: the advisory names the product for every version. LOW: a source named the
 * product without any version (JVN); only a candidate for a person to check.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
