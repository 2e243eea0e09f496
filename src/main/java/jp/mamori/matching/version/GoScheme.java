package jp.mamori.matching.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go module versions: SemVer with a {@code v} prefix. Pseudo-versions
 * ({@code v0.0.0-20210101000000-abcdef123456}) are SemVer pre-releases and order as such;
 * {@code +incompatible} is build metadata and ignored. OSV writes Go versions without the
 * {@code v} ({@code 1.19.0-0}), so the prefix is optional; {@code v1.2} is Go's shorthand for
 * {@code v1.2.0}. Go toolchain names ({@code go1.21.3}, {@code go1.20}, {@code go1.21rc2}) are
 * accepted so that the standard library ({@code stdlib}) can be matched.
 */
public final class GoScheme extends SemverSpelling {

    public static final GoScheme INSTANCE = new GoScheme();

    private static final Pattern SHORTHAND = Pattern.compile("(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?");
    private static final Pattern TOOLCHAIN = Pattern.compile(
            "go(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*))?(?:(rc|beta)(\\d+))?");

    private GoScheme() {
        super("go");
    }

    @Override
    String toSemver(String s) {
        Matcher toolchain = TOOLCHAIN.matcher(s);
        if (toolchain.matches()) return fromToolchain(toolchain);
        if (s.startsWith("v")) s = s.substring(1);
        Matcher shorthand = SHORTHAND.matcher(s);
        if (shorthand.matches()) return shorthand.group(1) + "." + (shorthand.group(2) == null ? "0" : shorthand.group(2)) + ".0";
        return s;
    }

    /** go1.21rc2 is the second release candidate of 1.21.0; go1.20 is 1.20.0. */
    private static String fromToolchain(Matcher m) {
        String core = m.group(1) + "." + m.group(2) + "." + (m.group(3) == null ? "0" : m.group(3));
        return m.group(4) == null ? core : core + "-" + m.group(4) + "." + m.group(5);
    }
}
