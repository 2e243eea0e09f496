package jp.mamori.matching.version;

import java.util.Optional;
import jp.mamori.memo.BoundedMemo;

/**
 * A scheme that parses a version once and orders the parsed form: validity is "parses", and an
 * invalid version is refused the same way everywhere. Each scheme keeps its own parser and order.
 *
 * @param <V> the parsed version
 */
abstract class ParsingScheme<V> implements VersionScheme {

    /**
     * Parsed versions by text (empty: not a version of this scheme). A scan checks and compares a
     * component's version against every range of its package, and the same bounds again for the next
     * component; the regular expressions made a sixth of the garbage of matching npm packages. The
     * parsed forms are immutable.
     */
    private final BoundedMemo<String, Optional<V>> parsed = new BoundedMemo<>(100_000, v -> Optional.ofNullable(parseOrNull(v)));

    /** The parsed version, or null when the string is not a version of this scheme. */
    protected abstract V parseOrNull(String version);

    /** Orders two parsed versions (any sign convention; {@link #compare} reduces it to -1, 0, 1). */
    protected abstract int compareParsed(V a, V b);

    @Override
    public final boolean isValid(String version) {
        return parsed(version) != null;
    }

    private V parsed(String version) {
        if (version == null) return parseOrNull(null);
        return parsed.get(version).orElse(null);
    }

    @Override
    public final int compare(String a, String b) {
        return Integer.signum(compareParsed(require(a), require(b)));
    }

    private V require(String version) {
        V v = parsed(version);
        if (v == null) throw new InvalidVersionException(id(), version);
        return v;
    }
}
