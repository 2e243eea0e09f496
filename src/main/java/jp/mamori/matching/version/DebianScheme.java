package jp.mamori.matching.version;

import java.util.regex.Pattern;

/**
 * dpkg ordering ({@code dpkg --compare-versions}): {@code [epoch:]upstream[-revision]}. The epoch
 * compares numerically (missing = 0); upstream and revision compare with dpkg's {@code verrevcmp}:
 * alternate non-digit and digit runs; in non-digit runs {@code ~} sorts before everything, even the
 * end of the string, then the end, then letters, then other characters; digit runs compare
 * numerically. The revision is everything after the last hyphen (missing = "0" as in dpkg).
 */
public final class DebianScheme extends ParsingScheme<Evr> {

    public static final DebianScheme INSTANCE = new DebianScheme();

    private static final Pattern UPSTREAM = Pattern.compile("[0-9][A-Za-z0-9.+~:-]*");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9.+~]+");

    private DebianScheme() { }

    @Override
    public String id() {
        return "deb";
    }

    @Override
    protected Evr parseOrNull(String version) {
        return parse(version);
    }

    @Override
    protected int compareParsed(Evr x, Evr y) {
        return x.compareTo(y, DebianScheme::verrevcmp);
    }

    /** upstream = {@link Evr#version()}, revision = {@link Evr#release()} ("0" when absent). */
    private static Evr parse(String version) {
        if (version == null || version.length() > 256) return null;
        Evr evr = Evr.split(version.trim(), "0");
        if (evr == null || !REVISION.matcher(evr.release()).matches() || !UPSTREAM.matcher(evr.version()).matches()) return null;
        return evr;
    }

    /** dpkg's character weight inside a non-digit run. */
    private static int order(int c) {
        if (c >= '0' && c <= '9') return 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return c;
        if (c == '~') return -1;
        if (c != 0) return c + 256;
        return 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Port of dpkg lib/dpkg/version.c verrevcmp; 0 stands for the end of the string. */
    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(at(a, i));
                int bc = order(at(b, j));
                if (ac != bc) return ac - bc;
                i++;
                j++;
            }
            while (at(a, i) == '0') i++;
            while (at(b, j) == '0') j++;
            while (isDigit(at(a, i)) && isDigit(at(b, j))) {
                if (firstDiff == 0) firstDiff = at(a, i) - at(b, j);
                i++;
                j++;
            }
            if (isDigit(at(a, i))) return 1;
            if (isDigit(at(b, j))) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }

    private static int at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }
}
