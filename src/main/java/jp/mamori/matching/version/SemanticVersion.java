package jp.mamori.matching.version;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SemVer 2.0 version, shared by {@link SemverScheme} and {@link GoScheme}. Build metadata
 * is kept for display but never takes part in ordering (SemVer §10).
 */
final class SemanticVersion implements Comparable<SemanticVersion> {

    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String PRE_ID = "0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*";
    private static final Pattern SEMVER = Pattern.compile(
            "(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
                    + "(?:-((?:" + PRE_ID + ")(?:\\.(?:" + PRE_ID + "))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private final String major;
    private final String minor;
    private final String patch;
    private final List<String> preRelease;

    private SemanticVersion(String major, String minor, String patch, List<String> preRelease) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = preRelease;
    }

    /** Parses a strict SemVer 2.0 string (no prefix); null when it is not one. */
    static SemanticVersion parse(String s) {
        if (s == null || s.length() > 256) return null;
        Matcher m = SEMVER.matcher(s);
        if (!m.matches()) return null;
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new SemanticVersion(m.group(1), m.group(2), m.group(3), pre);
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = compareNumeric(major, o.major);
        if (c == 0) c = compareNumeric(minor, o.minor);
        if (c == 0) c = compareNumeric(patch, o.patch);
        if (c != 0) return c;
        // A version without pre-release has higher precedence than any pre-release of it (§11.3).
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        int n = Math.min(preRelease.size(), o.preRelease.size());
        for (int i = 0; i < n; i++) {
            c = comparePreReleaseId(preRelease.get(i), o.preRelease.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(preRelease.size(), o.preRelease.size());
    }

    private static int comparePreReleaseId(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) return compareNumeric(a, b);
        if (an != bn) return an ? -1 : 1; // numeric identifiers sort below alphanumeric ones
        return Integer.signum(a.compareTo(b)); // ASCII order
    }

    private static boolean isNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /** Numbers of any length: SemVer forbids leading zeros, so longer means larger. */
    private static int compareNumeric(String a, String b) {
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        return Integer.signum(a.compareTo(b));
    }
}
