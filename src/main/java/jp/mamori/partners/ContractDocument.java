package jp.mamori.partners;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A contract document handed in: PDF or Office (Word/Excel, OOXML or the old binary format),
 * recognised by its first bytes rather than its name, at most {@link #MAX_BYTES}.
 */
public record ContractDocument(String name, String type, String sha256, byte[] bytes) {

    public static final int MAX_BYTES = 20 * 1024 * 1024;

    public static ContractDocument of(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "contract" : fileName.replaceAll("[\\\\/]", "_").strip();
        if (name.length() > 400) name = name.substring(0, 400);
        if (bytes.length == 0) throw new PartnersException(name + ": 空のファイルです / the file is empty");
        if (bytes.length > MAX_BYTES) {
            throw new PartnersException(name + ": 契約書ファイルが大きすぎます（20MBまで） / contract document larger than 20 MB");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new PartnersException(name + ": 契約書は PDF または Office 文書（Word・Excel）で登録してください / a contract document must be PDF or Office (Word, Excel); "
                    + "this file's content is neither");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (type.equals("application/pdf") && !lower.endsWith(".pdf") && lower.contains(".")) {
            throw new PartnersException(name + ": 拡張子と内容が一致しません（内容は PDF） / the name does not match the content (PDF)");
        }
        return new ContractDocument(name, type, sha256(bytes), bytes);
    }

    static String sniff(byte[] b) {
        if (starts(b, '%', 'P', 'D', 'F', '-')) return "application/pdf";
        if (starts(b, 'P', 'K', 3, 4)) return "application/vnd.openxmlformats-officedocument";
        if (b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0) return "application/x-ole-storage";
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != (byte) prefix[i]) return false;
        return true;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
