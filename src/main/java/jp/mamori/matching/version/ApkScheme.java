package jp.mamori.matching.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpine apk ordering (Gentoo style): {@code N(.N)*[letter](_suffix[N])*[-rN]}, as apk-tools
 * compares it. The version is read as a sequence of typed tokens (number, letter, suffix, suffix
 * number, revision) compared one by one. When the two sequences part ways the one that goes on
 * with an earlier kind of token is newer ({@code 1.0.1 > 1.0a > 1.0_p1 > 1.0-r1 > 1.0}), except
 * that a pre-release suffix ({@code _alpha < _beta < _pre < _rc}) makes it older
 * ({@code 1.0_rc1 < 1.0}); post suffixes rank {@code _cvs < _svn < _git < _hg < _p}. A dotted
 * component with leading zeros compares as a decimal fraction ({@code 1.01 < 1.1}).
 */
public final class ApkScheme implements VersionScheme {

    public static final ApkScheme INSTANCE = new ApkScheme();

    private static final Pattern SHAPE = Pattern.compile(
            "(\\d+)((?:\\.\\d+)*)([a-z])?((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\\d*)*)(?:-r(\\d+))?");
    private static final Pattern SUFFIX = Pattern.compile("_([a-z]+)(\\d*)");
    private static final List<String> SUFFIXES = List.of("alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p");
    /** Suffixes before this index are pre-releases. */
    private static final int FIRST_POST_SUFFIX = 4;

    // Token kinds in the order they may follow each other; a larger kind at the point where two
    // versions part ways means the older version.
    private static final int DOTTED = 0;
    private static final int DIGITS = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX_NAME = 3;
    private static final int SUFFIX_NUMBER = 4;
    private static final int REVISION = 5;
    private static final int END = 6;

    private ApkScheme() { }

    @Override
    public String id() {
        return "apk";
    }

    @Override
    public boolean isValid(String version) {
        return tokens(version) != null;
    }

    @Override
    public int compare(String a, String b) {
        List<long[]> x = require(a);
        List<long[]> y = require(b);
        for (int i = 0; ; i++) {
            long[] s = i < x.size() ? x.get(i) : new long[] {END, 0};
            long[] t = i < y.size() ? y.get(i) : new long[] {END, 0};
            if (s[0] == END && t[0] == END) return 0;
            if (s[0] == t[0]) {
                if (s[1] != t[1]) return s[1] < t[1] ? -1 : 1;
                continue;
            }
            if (isPreRelease(s)) return -1;
            if (isPreRelease(t)) return 1;
            return s[0] > t[0] ? -1 : 1;
        }
    }

    private static boolean isPreRelease(long[] token) {
        return token[0] == SUFFIX_NAME && token[1] < 0;
    }

    private List<long[]> require(String version) {
        List<long[]> t = tokens(version);
        if (t == null) throw new InvalidVersionException(id(), version);
        return t;
    }

    /** Typed tokens {kind, value}; null when the string is not an apk version. */
    private static List<long[]> tokens(String version) {
        if (version == null || version.length() > 128) return null;
        Matcher m = SHAPE.matcher(version.trim());
        if (!m.matches()) return null;
        List<long[]> out = new ArrayList<>();
        out.add(new long[] {DIGITS, value(m.group(1))});
        if (!m.group(2).isEmpty()) {
            for (String part : m.group(2).substring(1).split("\\.")) dotted(part, out);
        }
        if (m.group(3) != null) out.add(new long[] {LETTER, m.group(3).charAt(0)});
        Matcher s = SUFFIX.matcher(m.group(4));
        while (s.find()) {
            out.add(new long[] {SUFFIX_NAME, SUFFIXES.indexOf(s.group(1)) - FIRST_POST_SUFFIX});
            if (!s.group(2).isEmpty()) out.add(new long[] {SUFFIX_NUMBER, value(s.group(2))});
        }
        if (m.group(5) != null) out.add(new long[] {REVISION, value(m.group(5))});
        return out;
    }

    /** Leading zeros count negatively, so that the component reads as a decimal fraction. */
    private static void dotted(String part, List<long[]> out) {
        int zeros = 0;
        while (zeros < part.length() && part.charAt(zeros) == '0') zeros++;
        if (zeros == 0) {
            out.add(new long[] {DOTTED, value(part)});
            return;
        }
        out.add(new long[] {DOTTED, -zeros});
        if (zeros < part.length()) out.add(new long[] {DIGITS, value(part.substring(zeros))});
    }

    private static long value(String digits) {
        // Saturate instead of overflowing: no real package has a component this large.
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
