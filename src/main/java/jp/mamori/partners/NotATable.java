package jp.mamori.partners;

import java.util.List;

/**
 * Recognises, by its first bytes, a file handed in as a table (CSV or .xlsx) that is something else
 * — a PDF, an old binary Office file, an image or any other binary — so that the user is told that
 * the file is not a table instead of a parse error about its first line.
 */
public final class NotATable {

    /** Enough of the start of a file to tell text from binary. */
    static final int SNIFF_BYTES = 8192;

    private NotATable() { }

    /** Refuses a file that is not a CSV or .xlsx table, naming what it is (Japanese first). */
    public static void refuse(byte[] bytes, String file) {
        Kind k = what(bytes);
        if (k == null) return;
        throw new PartnersException(file, List.of("表ではありません（" + k.ja() + "）。CSV（UTF-8・Shift_JIS）または .xlsx を指定してください"
                + " / not a table (" + k.en() + "): give a CSV (UTF-8, Shift_JIS) or an .xlsx file"));
    }

    record Kind(String ja, String en) { }

    /** What the file is when it is not a table, or null for text or a zip (an .xlsx is a zip; it is checked when read). */
    static Kind what(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46)) return new Kind("PDF ファイルです", "a PDF file");
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) return new Kind("旧形式の Office ファイル（.xls・.doc）です", "an old binary Office file (.xls, .doc)");
        if (starts(b, 0x50, 0x4B)) return null;
        if (starts(b, 0xFF, 0xFE) || starts(b, 0xFE, 0xFF)) return null;  // UTF-16 text with its byte order mark
        if (starts(b, 0x89, 0x50, 0x4E, 0x47) || starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 0x47, 0x49, 0x46, 0x38)) return new Kind("画像ファイルです", "an image");
        int n = Math.min(b.length, SNIFF_BYTES);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            // text never holds these control bytes; UTF-8 and Shift_JIS multi-byte characters never use them either
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1A && c != 0x1B)) return new Kind("バイナリファイルです", "a binary file");
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }
}
