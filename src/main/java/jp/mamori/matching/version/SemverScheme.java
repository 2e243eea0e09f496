package jp.mamori.matching.version;

/**
 * npm / SemVer 2.0 ordering: {@code MAJOR.MINOR.PATCH[-pre.release][+build]}. Pre-releases sort
 * before their release and compare identifier by identifier (numeric below alphanumeric); build
 * metadata is ignored. Like npm's loose parsing, a leading {@code v} or {@code =} and surrounding
 * spaces are tolerated; partial versions ({@code 1.2}) and leading zeros are not valid.
 */
public final class SemverScheme extends SemverSpelling {

    public static final SemverScheme INSTANCE = new SemverScheme();

    private SemverScheme() {
        super("semver");
    }

    @Override
    String toSemver(String s) {
        if (s.startsWith("=")) s = s.substring(1).trim();
        if (s.startsWith("v") || s.startsWith("V")) s = s.substring(1);
        return s;
    }
}
