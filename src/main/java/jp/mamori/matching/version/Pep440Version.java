package jp.mamori.matching.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed PEP 440 version with the comparison key of the reference implementation
 * ({@code packaging.version}): epoch, release without trailing zeros, pre, post, dev, local.
 */
final class Pep440Version implements Comparable<Pep440Version> {

    /** The canonical pattern from PEP 440 Appendix B, applied case-insensitively. */
    private static final Pattern PATTERN = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    private static final int PRE_A = 0;
    private static final int PRE_B = 1;
    private static final int PRE_RC = 2;

    private final BigInteger epoch;
    private final List<BigInteger> release;
    /** null: no pre-release. */
    private final int[] preKind;
    private final BigInteger preNumber;
    private final BigInteger post;
    private final BigInteger dev;
    private final List<String> local;

    private Pep440Version(BigInteger epoch, List<BigInteger> release, int[] preKind, BigInteger preNumber,
                          BigInteger post, BigInteger dev, List<String> local) {
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /**
     * Parsed versions by text (empty: not PEP 440). A scan compares a component's version with every
     * range bound of its package, and the regular expression made most of the garbage of matching
     * PyPI packages. Instances are immutable.
     */
    private static final jp.mamori.memo.BoundedMemo<String, java.util.Optional<Pep440Version>> PARSED =
            new jp.mamori.memo.BoundedMemo<>(100_000, v -> java.util.Optional.ofNullable(read(v)));

    static Pep440Version parse(String version) {
        if (version == null) return null;
        return PARSED.get(version).orElse(null);
    }

    private static Pep440Version read(String version) {
        if (version == null || version.length() > 256) return null;
        Matcher m = PATTERN.matcher(version.trim());
        if (!m.matches()) return null;
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) release.add(new BigInteger(part));
        while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) release.remove(release.size() - 1);
        int[] preKind = null;
        BigInteger preNumber = null;
        if (m.group("pre") != null) {
            preKind = new int[] {preKind(m.group("preL"))};
            preNumber = number(m.group("preN"));
        }
        BigInteger post = null;
        if (m.group("post") != null) post = number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
        BigInteger dev = m.group("dev") == null ? null : number(m.group("devN"));
        List<String> local = m.group("local") == null ? null
                : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
        return new Pep440Version(epoch, List.copyOf(release), preKind, preNumber, post, dev, local);
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** alpha=a, beta=b, c/pre/preview=rc (PEP 440 normalisation). */
    private static int preKind(String label) {
        switch (label.toLowerCase(Locale.ROOT)) {
            case "a": case "alpha": return PRE_A;
            case "b": case "beta": return PRE_B;
            default: return PRE_RC;
        }
    }

    @Override
    public int compareTo(Pep440Version o) {
        int c = epoch.compareTo(o.epoch);
        if (c == 0) c = compareRelease(release, o.release);
        if (c == 0) c = Integer.compare(preRank(), o.preRank());
        if (c == 0 && preKind != null) {
            c = Integer.compare(preKind[0], o.preKind[0]);
            if (c == 0) c = preNumber.compareTo(o.preNumber);
        }
        if (c == 0) c = compareMissingLowest(post, o.post);
        if (c == 0) c = compareMissingHighest(dev, o.dev);
        if (c == 0) c = compareLocal(local, o.local);
        return Integer.signum(c);
    }

    /**
     * Where the pre-release slot places this version: a bare dev release ({@code 1.0.dev0}) sorts
     * before every pre-release of its release, a final or post release after all of them.
     */
    private int preRank() {
        if (preKind == null && post == null && dev != null) return -1;
        if (preKind == null) return 1;
        return 0;
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) return c;
        }
        return 0;
    }

    private static int compareMissingLowest(BigInteger a, BigInteger b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        return a.compareTo(b);
    }

    private static int compareMissingHighest(BigInteger a, BigInteger b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        return a.compareTo(b);
    }

    /** No local label sorts first; segments: alphanumeric below numeric, numbers by value, then length. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = x.chars().allMatch(Character::isDigit);
            boolean yn = y.chars().allMatch(Character::isDigit);
            int c;
            if (xn && yn) c = new BigInteger(x).compareTo(new BigInteger(y));
            else if (xn != yn) c = xn ? 1 : -1;
            else c = x.compareTo(y);
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }
}
