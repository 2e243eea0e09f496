package jp.mamori.matching.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven ordering, delegated to Maven's own {@link ComparableVersion}: numeric items by value,
 * qualifiers {@code alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp},
 * unknown qualifiers after {@code sp} alphabetically, so {@code 2.0-beta9 < 2.0} and
 * {@code 5.2.20.RELEASE = 5.2.20}. Maven accepts any string; a version is valid here when it is
 * non-blank, has no whitespace and contains a digit, so that {@code LATEST} or garbage is reported
 * instead of silently ordered.
 */
public final class MavenScheme implements VersionScheme {

    public static final MavenScheme INSTANCE = new MavenScheme();

    private MavenScheme() { }

    @Override
    public String id() {
        return "maven";
    }

    @Override
    public boolean isValid(String version) {
        if (version == null || version.isEmpty() || version.length() > 256) return false;
        boolean digit = false;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (Character.isWhitespace(c)) return false;
            if (c >= '0' && c <= '9') digit = true;
        }
        return digit;
    }

    @Override
    public int compare(String a, String b) {
        return Integer.signum(require(a).compareTo(require(b)));
    }

    private ComparableVersion require(String version) {
        if (!isValid(version)) throw new InvalidVersionException(id(), version);
        return new ComparableVersion(version);
    }
}
