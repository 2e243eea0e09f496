package jp.mamori.detection.rules;

/**
 * An IPv4 address kept as a number instead of its text: a session's login address is kept for
 * every active session (P5: a million), and its String cost ~56 bytes against 8. Only text that
 * {@link #text} gives back character for character is packed (four decimal parts 0–255 without
 * leading zeros); anything else — IPv6, {@code 010.1.1.1}, stray blanks — stays text, so evidence
 * and messages show the address as the log wrote it.
 */
final class Ipv4 {
    private Ipv4() { }

    /** Not packable. */
    static final long NONE = -1;

    /** The address as 0..2^32-1, or {@link #NONE} when the text is not canonical IPv4. */
    static long pack(String s) {
        if (s == null) return NONE;
        int n = s.length();
        if (n < 7 || n > 15) return NONE;
        long value = 0;
        int part = 0, digits = 0, parts = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || ++parts > 4) return NONE;
                value = (value << 8) | part;
                part = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && part == 0) return NONE;
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) return NONE;
            } else {
                return NONE;
            }
        }
        return parts == 4 ? value : NONE;
    }

    static String text(long packed) {
        return ((packed >>> 24) & 255) + "." + ((packed >>> 16) & 255) + "." + ((packed >>> 8) & 255) + "." + (packed & 255);
    }
}
