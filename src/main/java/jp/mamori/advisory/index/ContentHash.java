package jp.mamori.advisory.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The part of a statement's {@code content_hash} the index keeps: its first
 * {@value MatchIndexFormat#HASH_BYTES} bytes. The knowledge base writer stores the hex SHA-256 of the
 * statement's JSON; 128 bits are plenty to tell two versions of one row apart, even when the feed
 * that wrote them tried. A value that is not such hex (none is written) is digested itself, so equal
 * values still give equal bytes.
 */
final class ContentHash {

    private ContentHash() { }

    static byte[] of(String contentHash) {
        byte[] out = new byte[MatchIndexFormat.HASH_BYTES];
        if (contentHash != null && contentHash.length() >= 2 * out.length) {
            boolean hex = true;
            for (int i = 0; i < out.length && hex; i++) {
                int hi = Character.digit(contentHash.charAt(2 * i), 16);
                int lo = Character.digit(contentHash.charAt(2 * i + 1), 16);
                if (hi < 0 || lo < 0) hex = false;
                else out[i] = (byte) (hi << 4 | lo);
            }
            if (hex) return out;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.valueOf(contentHash).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(d, out.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
