package jp.mamori.matching.version;


/**
 * RPM ordering ({@code rpmvercmp} of rpm 4.15+): {@code [epoch:]version[-release]}. The epoch
 * compares numerically (missing = 0), then version, then release, each with rpmvercmp: runs of
 * digits or of letters compare pairwise (digits by value; a digit run beats a letter run), other
 * characters only separate; {@code ~} sorts before everything (pre-release, {@code 1.0~rc1 < 1.0}),
 * {@code ^} after the end of the string but before anything else ({@code 1.0 < 1.0^git1 < 1.0.1}).
 */
public final class RpmScheme extends ParsingScheme<Evr> {

    public static final RpmScheme INSTANCE = new RpmScheme();

    private RpmScheme() { }

    @Override
    public String id() {
        return "rpm";
    }

    @Override
    protected Evr parseOrNull(String version) {
        return parse(version);
    }

    @Override
    protected int compareParsed(Evr x, Evr y) {
        return x.compareTo(y, RpmScheme::rpmvercmp);
    }

    private static Evr parse(String evr) {
        if (evr == null || evr.length() > 256) return null;
        String s = evr.trim();
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) return null;
        boolean dash = s.lastIndexOf('-') > s.indexOf(':');
        Evr split = Evr.split(s, "");
        if (split == null || (dash && split.release().isEmpty())) return null;
        if (split.version().isEmpty() || split.version().chars().noneMatch(RpmScheme::isAlnum)) return null;
        return split;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(int c) {
        return isDigit(c) || isAlpha(c);
    }

    private static int at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** Port of rpm's rpmio/rpmvercmp.c; 0 stands for the end of the string. */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) return 0;
        int one = 0;
        int two = 0;
        while (one < a.length() || two < b.length()) {
            while (one < a.length() && !isAlnum(a.charAt(one)) && a.charAt(one) != '~' && a.charAt(one) != '^') one++;
            while (two < b.length() && !isAlnum(b.charAt(two)) && b.charAt(two) != '~' && b.charAt(two) != '^') two++;

            if (at(a, one) == '~' || at(b, two) == '~') {
                if (at(a, one) != '~') return 1;
                if (at(b, two) != '~') return -1;
                one++;
                two++;
                continue;
            }
            if (at(a, one) == '^' || at(b, two) == '^') {
                if (one >= a.length()) return -1;
                if (two >= b.length()) return 1;
                if (at(a, one) != '^') return 1;
                if (at(b, two) != '^') return -1;
                one++;
                two++;
                continue;
            }
            if (one >= a.length() || two >= b.length()) break;

            int end1 = one;
            int end2 = two;
            boolean numeric = isDigit(a.charAt(one));
            if (numeric) {
                while (end1 < a.length() && isDigit(a.charAt(end1))) end1++;
                while (end2 < b.length() && isDigit(b.charAt(end2))) end2++;
            } else {
                while (end1 < a.length() && isAlpha(a.charAt(end1))) end1++;
                while (end2 < b.length() && isAlpha(b.charAt(end2))) end2++;
            }
            // Segments of different kinds: the numeric one is newer.
            if (end2 == two) return numeric ? 1 : -1;

            String seg1 = a.substring(one, end1);
            String seg2 = b.substring(two, end2);
            if (numeric) {
                seg1 = stripLeadingZeros(seg1);
                seg2 = stripLeadingZeros(seg2);
                if (seg1.length() != seg2.length()) return seg1.length() > seg2.length() ? 1 : -1;
            }
            int c = seg1.compareTo(seg2);
            if (c != 0) return c < 0 ? -1 : 1;
            one = end1;
            two = end2;
        }
        if (one >= a.length() && two >= b.length()) return 0;
        return one >= a.length() ? -1 : 1;
    }

    private static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() && digits.charAt(k) == '0') k++;
        return digits.substring(k);
    }
}
