package jp.mamori.detection.logs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Client addresses and user names as the rules compare them. No DNS is ever asked. */
public final class Addresses {
    private Addresses() { }

    /** {@code 1.2.3.4:5019} → {@code 1.2.3.4}; {@code ::ffff:1.2.3.4} → {@code 1.2.3.4}; {@code [2001:db8::1]:443} → {@code 2001:db8::1}. */
    public static String strip(String v) {
        if (v == null) return null;
        String s = v.strip();
        if (s.isEmpty() || s.equals("-") || s.equalsIgnoreCase("unknown")) return null;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            s = end > 0 ? s.substring(1, end) : s.substring(1);
        } else {
            int colon = s.indexOf(':');
            if (colon > 0 && s.indexOf(':', colon + 1) < 0) s = s.substring(0, colon);
        }
        if (s.regionMatches(true, 0, "::ffff:", 0, 7) && s.indexOf('.') > 0) s = s.substring(7);
        return s.toLowerCase(Locale.ROOT);
    }

    /** The first usable address of an X-Forwarded-For list ({@code a, b}). */
    public static String firstForwarded(String xff) {
        if (xff == null) return null;
        for (String part : xff.split(",")) {
            String a = strip(part);
            if (a != null && isAddress(a)) return a;
        }
        return null;
    }

    public static boolean isAddress(String s) {
        if (s == null || s.isEmpty()) return false;
        if (s.indexOf(':') >= 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) return false;
            }
            return true;
        }
        int dots = 0, digits = 0, value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (digits == 0) return false;
                dots++; digits = 0; value = 0;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) return false;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }

    /** An address as a number (IPv4 and IPv6 in separate spaces), or null when it is not one. */
    static BigInteger number(String address) {
        if (!isAddress(address)) return null;
        try {
            return new BigInteger(1, InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A CIDR range ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or one address. */
    public record Range(String text, BigInteger low, BigInteger high, boolean v6) {
        public static Range parse(String cidr) {
            String s = cidr.strip();
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            boolean v6 = addr.indexOf(':') >= 0;
            int bits = v6 ? 128 : 32;
            BigInteger n = number(addr.toLowerCase(Locale.ROOT));
            if (n == null) throw new IllegalArgumentException("アドレス範囲が不正です / not an address or CIDR range: '" + cidr + "'");
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("アドレス範囲が不正です / bad prefix length in '" + cidr + "'");
                }
                if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("アドレス範囲が不正です / bad prefix length in '" + cidr + "'");
            }
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            BigInteger low = n.andNot(hostMask);
            return new Range(s, low, low.or(hostMask), v6);
        }

        public boolean contains(String address) {
            if (address == null || (address.indexOf(':') >= 0) != v6) return false;
            BigInteger n = number(address);
            return n != null && n.compareTo(low) >= 0 && n.compareTo(high) <= 0;
        }
    }

    /**
     * A user name as the rules compare it: case-insensitive, without domain ({@code DOMAIN\\user},
     * {@code user@domain}, {@code user(REALM)}).
     */
    public static String userKey(String user) {
        if (user == null) return null;
        String u = user.strip();
        int bs = u.lastIndexOf('\\');
        if (bs >= 0) u = u.substring(bs + 1);
        int at = u.indexOf('@');
        if (at > 0) u = u.substring(0, at);
        int paren = u.indexOf('(');
        if (paren > 0) u = u.substring(0, paren);
        u = u.strip().toLowerCase(Locale.ROOT);
        return u.isEmpty() || u.equals("-") || u.equals("anonymous") || u.equals("pre-logon") ? null : u;
    }
}
