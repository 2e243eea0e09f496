package jp.mamori.detection.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * A session's login line, kept until the session ends because a later detection shows it as
 * evidence, packed so that a million active sessions fit the heap (P5): the line's shape — its text
 * with each run of ASCII digits and each occurrence of the session's user replaced by a marker — is
 * shared by every line that has it (gateways write a handful of login shapes), and only the digits
 * are kept per line, two to a byte. The text comes back character for character; a line that
 * already holds a marker character is kept as it is.
 */
final class LineShapes {
    private static final char DIGITS = '\u0001', USER = '\u0002';
    private static final int END = 0xA;
    /** Bounded, so that a log of ever-different lines cannot grow it; past it shapes are simply not shared. */
    private static final int MAX_SHAPES = 4096;

    private final Map<String, String> shapes = new HashMap<>();
    private final StringBuilder shape = new StringBuilder(256);
    private byte[] nibbles = new byte[64];
    private String last;

    /** The packed line: {@code digits} null means {@code shape} is the text itself. */
    record Packed(String shape, byte[] digits) {
        String text(String user) {
            return digits == null ? shape : unpack(shape, digits, user);
        }
    }

    static Packed raw(String text) {
        return new Packed(text, null);
    }

    Packed pack(String text, String user) {
        if (text == null) return raw(null);
        int n = text.length();
        if (text.indexOf(DIGITS) >= 0 || text.indexOf(USER) >= 0) return raw(text);
        int userLength = user == null ? 0 : user.length();
        int nextUser = userLength == 0 ? -1 : text.indexOf(user);
        // Most lines have the shape of the line before: it is compared as it is made, and only a line
        // that departs from it pays for building and looking up its own.
        String last = this.last;
        int lastLength = last == null ? -1 : last.length();
        boolean same = last != null;
        int pos = 0;
        shape.setLength(0);
        int count = 0;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i), out;
            if (nextUser >= 0 && nextUser < i) nextUser = text.indexOf(user, i);
            if (i == nextUser) {
                out = USER;
                i += userLength;
                nextUser = text.indexOf(user, i);
            } else if (c >= '0' && c <= '9') {
                out = DIGITS;
                while (i < n && (c = text.charAt(i)) >= '0' && c <= '9') {
                    count = nibble(count, c - '0');
                    i++;
                }
                count = nibble(count, END);
            } else {
                out = c;
                i++;
            }
            if (same) {
                if (pos < lastLength && last.charAt(pos) == out) {
                    pos++;
                    continue;
                }
                same = false;
                shape.append(last, 0, pos);
            }
            shape.append(out);
        }
        byte[] digits = new byte[(count + 1) >> 1];
        System.arraycopy(nibbles, 0, digits, 0, digits.length);
        if (same && pos == lastLength) return new Packed(last, digits);
        if (same) shape.append(last, 0, pos);
        String s = shape.toString();
        String known = shapes.get(s);
        if (known == null) {
            if (shapes.size() < MAX_SHAPES) shapes.put(s, s);
            known = s;
        }
        this.last = known;
        return new Packed(known, digits);
    }

    private int nibble(int count, int v) {
        int at = count >> 1;
        if (at >= nibbles.length) nibbles = java.util.Arrays.copyOf(nibbles, nibbles.length * 2);
        nibbles[at] = (byte) ((count & 1) == 0 ? v << 4 : (nibbles[at] & 0xF0) | v);
        return count + 1;
    }

    private static String unpack(String shape, byte[] digits, String user) {
        StringBuilder out = new StringBuilder(shape.length() + digits.length * 2 + 16);
        int at = 0;
        for (int i = 0; i < shape.length(); i++) {
            char c = shape.charAt(i);
            if (c == USER) {
                out.append(user);
            } else if (c == DIGITS) {
                for (int v; (v = (digits[at >> 1] >> ((at & 1) == 0 ? 4 : 0)) & 0xF) != END; at++) out.append((char) ('0' + v));
                at++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
