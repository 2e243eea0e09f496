package jp.mamori.matching.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ordering for versions that follow no package ecosystem: appliance and vendor firmware as NVD
 * writes them in CPE criteria ({@code 13.1-49.15}, {@code 22.2R1.1}, {@code 9.1.10-h1},
 * {@code 7.0.12}).
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A leading {@code v}/{@code V} before a digit is dropped, and the word {@code build} is
 *       a separator, so {@code v7.2.5} = {@code 7.2.5} and {@code 13.1 Build 49.15} = {@code 13.1-49.15}.</li>
 *   <li>The string is cut into tokens: maximal runs of digits (numeric) and of letters
 *       (alphabetic, compared case-insensitively). Every other character ({@code . - _ +} space ...)
 *       only separates tokens and has no weight: {@code 10.2.0-h3} = {@code 10.2.0h3}.</li>
 *   <li>Tokens are compared position by position; the first difference decides. A missing
 *       trailing token counts as numeric zero: {@code 7.0} = {@code 7.0.0}, {@code 8.2R1} = {@code 8.2R1.0}.</li>
 *   <li>At one position the token classes order as:
 *       pre-release word &lt; zero (or missing) &lt; other letters &lt; positive number.
 *       Pre-release words, ranked among themselves: {@code dev < alpha < beta < milestone < pre/preview
 *       < rc/cr < snapshot}. So {@code 2.0-beta9 < 2.0}; a hotfix or release token sorts after its base
 *       ({@code 9.1.10 < 9.1.10-h1}, {@code 22.2 < 22.2R1}) but before the next numbered
 *       maintenance release ({@code 9.1.10-h1 < 9.1.11}, {@code 9.4R3 < 9.4.1}).</li>
 *   <li>Numbers compare by value (any length, leading zeros ignored); other letters compare
 *       alphabetically.</li>
 * </ol>
 * A version is valid when it is not blank, at most 128 characters, and contains a digit.
 */
public final class GenericScheme implements VersionScheme {

    public static final GenericScheme INSTANCE = new GenericScheme();

    private static final int MAX_LENGTH = 128;

    /** Rank of words that mark a version before its release. Aliases share a rank and a canonical name. */
    private static final Map<String, String> PRE_RELEASE_CANONICAL = Map.of(
            "dev", "dev", "alpha", "alpha", "beta", "beta", "milestone", "milestone",
            "pre", "pre", "preview", "pre", "rc", "rc", "cr", "rc", "snapshot", "snapshot");
    private static final List<String> PRE_RELEASE_RANK =
            List.of("dev", "alpha", "beta", "milestone", "pre", "rc", "snapshot");

    private GenericScheme() { }

    @Override
    public String id() {
        return "generic";
    }

    @Override
    public boolean isValid(String version) {
        if (version == null || version.isBlank() || version.length() > MAX_LENGTH) return false;
        for (int i = 0; i < version.length(); i++) {
            if (isAsciiDigit(version.charAt(i))) return true;
        }
        return false;
    }

    @Override
    public int compare(String a, String b) {
        List<Token> left = tokens(a);
        List<Token> right = tokens(b);
        int n = Math.max(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            Token x = i < left.size() ? left.get(i) : Token.ZERO;
            Token y = i < right.size() ? right.get(i) : Token.ZERO;
            int c = x.compareTo(y);
            if (c != 0) return c;
        }
        return 0;
    }

    /**
     * Tokens by version text. A scan compares each component's version with the bounds of every
     * criterion of its product, and the same bounds again for the next component: cutting both into
     * tokens each time was a tenth of matching.
     */
    private final jp.mamori.memo.BoundedMemo<String, List<Token>> tokens = new jp.mamori.memo.BoundedMemo<>(100_000, v -> List.copyOf(cut(v)));

    private List<Token> tokens(String version) {
        if (version == null) throw new InvalidVersionException(id(), version);
        return tokens.get(version);
    }

    private List<Token> cut(String version) {
        if (!isValid(version)) throw new InvalidVersionException(id(), version);
        String s = version.trim().toLowerCase(Locale.ROOT);
        if (s.length() > 1 && s.charAt(0) == 'v' && isAsciiDigit(s.charAt(1))) s = s.substring(1);
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            if (isAsciiDigit(c)) {
                while (j < s.length() && isAsciiDigit(s.charAt(j))) j++;
                out.add(Token.number(s.substring(i, j)));
            } else if (isAsciiLetter(c)) {
                while (j < s.length() && isAsciiLetter(s.charAt(j))) j++;
                String word = s.substring(i, j);
                if (!word.equals("build")) out.add(word(word));
            } else {
                j++;
            }
            i = j;
        }
        return out;
    }

    private static Token word(String word) {
        String canonical = PRE_RELEASE_CANONICAL.get(word);
        if (canonical != null) return new Token(Token.PRE_RELEASE, PRE_RELEASE_RANK.indexOf(canonical), canonical);
        return new Token(Token.LETTERS, 0, word);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** One token; {@code cls} orders the classes, then rank, then text (numbers: by length, then digits). */
    private record Token(int cls, int rank, String text) implements Comparable<Token> {
        static final int PRE_RELEASE = 0;
        static final int ZERO_CLASS = 1;
        static final int LETTERS = 2;
        static final int NUMBER = 3;
        static final Token ZERO = new Token(ZERO_CLASS, 0, "");

        static Token number(String digits) {
            int k = 0;
            while (k < digits.length() - 1 && digits.charAt(k) == '0') k++;
            String value = digits.substring(k);
            return value.equals("0") ? ZERO : new Token(NUMBER, 0, value);
        }

        @Override
        public int compareTo(Token o) {
            if (cls != o.cls) return Integer.compare(cls, o.cls);
            if (rank != o.rank) return Integer.compare(rank, o.rank);
            if (cls == NUMBER && text.length() != o.text.length()) return Integer.compare(text.length(), o.text.length());
            return text.compareTo(o.text);
        }
    }
}
