package jp.mamori.matching.version;

/**
 * A scheme whose versions are SemVer 2.0 once the ecosystem's own spelling is undone (npm's
 * {@code v} and {@code =}, Go's {@code v}, shorthand and toolchain names): parsing and ordering are
 * SemVer's, written once; each scheme says only how its spelling maps to SemVer text.
 */
abstract class SemverSpelling extends ParsingScheme<SemanticVersion> {

    private final String id;

    SemverSpelling(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    /** The version, trimmed, as SemVer 2.0 text (still to be checked by the SemVer parser). */
    abstract String toSemver(String trimmed);

    @Override
    protected final SemanticVersion parseOrNull(String version) {
        return version == null ? null : SemanticVersion.parse(toSemver(version.trim()));
    }

    @Override
    protected final int compareParsed(SemanticVersion a, SemanticVersion b) {
        return a.compareTo(b);
    }
}
