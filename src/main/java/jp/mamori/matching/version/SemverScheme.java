package jp.mamori.matching.version;

/**
 * npm / SemVer 2.0 ordering: {@code MAJOR.MINOR.PATCH[-pre.release][+build]}. Pre-releases sort
 * before their release and compare identifier by identifier (numeric below alphanumeric); build
 * metadata is ignored. Like npm's loose parsing, a leading {@code v} or {@code =} and surrounding
 * spaces are tolerated; partial versions ({@code 1.2}) and leading zeros are not valid.
 */
public final class SemverScheme implements VersionScheme {

    public static final SemverScheme INSTANCE = new SemverScheme();

    private SemverScheme() { }

    @Override
    public String id() {
        return "semver";
    }

    @Override
    public boolean isValid(String version) {
        return parse(version) != null;
    }

    @Override
    public int compare(String a, String b) {
        return require(a).compareTo(require(b));
    }

    private SemanticVersion require(String version) {
        SemanticVersion v = parse(version);
        if (v == null) throw new InvalidVersionException(id(), version);
        return v;
    }

    private static SemanticVersion parse(String version) {
        if (version == null) return null;
        String s = version.trim();
        if (s.startsWith("=")) s = s.substring(1).trim();
        if (s.startsWith("v") || s.startsWith("V")) s = s.substring(1);
        return SemanticVersion.parse(s);
    }
}
