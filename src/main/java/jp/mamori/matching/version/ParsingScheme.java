package jp.mamori.matching.version;

/**
 * A scheme that parses a version once and orders the parsed form: validity is "parses", and an
 * invalid version is refused the same way everywhere. Each scheme keeps its own parser and order.
 *
 * @param <V> the parsed version
 */
abstract class ParsingScheme<V> implements VersionScheme {

    /** The parsed version, or null when the string is not a version of this scheme. */
    protected abstract V parseOrNull(String version);

    /** Orders two parsed versions (any sign convention; {@link #compare} reduces it to -1, 0, 1). */
    protected abstract int compareParsed(V a, V b);

    @Override
    public final boolean isValid(String version) {
        return parseOrNull(version) != null;
    }

    @Override
    public final int compare(String a, String b) {
        return Integer.signum(compareParsed(require(a), require(b)));
    }

    private V require(String version) {
        V v = parseOrNull(version);
        if (v == null) throw new InvalidVersionException(id(), version);
        return v;
    }
}
