package jp.mamori.inventory.sbom.table;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The character set of a CSV file. Japanese Excel saves "CSV (コンマ区切り)" in Shift_JIS (strictly
 * Windows-31J/MS932, which adds NEC and IBM extensions such as ① and ㈱), "CSV UTF-8" with a BOM, and
 * "Unicode テキスト" in UTF-16 with a BOM. Without a BOM: strict UTF-8 first, because valid multi-byte
 * UTF-8 is very unlikely to be Shift_JIS text by accident, then MS932; neither → refused, not guessed.
 */
final class TextDecoder {
    static final Charset MS932 = Charset.forName("windows-31j");

    /** Decoded text and the charset that decoded it. */
    record Decoded(String text, Charset charset) { }

    private TextDecoder() { }

    static Decoded decode(byte[] b) throws CharacterCodingException {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(strict(StandardCharsets.UTF_8, b, 3), StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(strict(StandardCharsets.UTF_16LE, b, 2), StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(strict(StandardCharsets.UTF_16BE, b, 2), StandardCharsets.UTF_16BE);
        }
        try {
            return new Decoded(strict(StandardCharsets.UTF_8, b, 0), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(strict(MS932, b, 0), MS932);
        }
    }

    private static String strict(Charset cs, byte[] b, int offset) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
    }
}
