package jp.mamori.matching.version;

import java.math.BigInteger;
import java.util.function.ToIntBiFunction;

/**
 * A distribution package version split as dpkg and rpm both write it: {@code [epoch:]version[-release]}
 * (dpkg says upstream and revision). The split is shared; what a valid part is and how parts
 * compare stay with each scheme.
 */
record Evr(BigInteger epoch, String version, String release) {

    /**
     * Splits at the first colon and the last dash; null when the epoch is not a number.
     *
     * @param noRelease the release of a version without a dash (dpkg: "0", rpm: "")
     */
    static Evr split(String s, String noRelease) {
        BigInteger epoch = BigInteger.ZERO;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty() || !e.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return null;
            epoch = new BigInteger(e);
            s = s.substring(colon + 1);
        }
        String release = noRelease;
        int dash = s.lastIndexOf('-');
        if (dash >= 0) {
            release = s.substring(dash + 1);
            s = s.substring(0, dash);
        }
        return new Evr(epoch, s, release);
    }

    /** Epoch first, then version, then release, each part compared by the scheme's rule. */
    int compareTo(Evr other, ToIntBiFunction<String, String> parts) {
        int c = epoch.compareTo(other.epoch);
        if (c == 0) c = parts.applyAsInt(version, other.version);
        if (c == 0) c = parts.applyAsInt(release, other.release);
        return Integer.signum(c);
    }
}
