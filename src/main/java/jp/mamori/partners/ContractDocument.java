package jp.mamori.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * A contract document or signed NDA handed in: PDF or Office (Word/Excel/PowerPoint, OOXML or the
 * old binary format), recognised by its bytes rather than its name or the browser's content type,
 * at most {@link #MAX_BYTES}. Hostile until proven otherwise: an OOXML file must be a real Office
 * package (checked in the zip's central directory, nothing inflated, so a zip bomb costs nothing),
 * macro-bearing packages and PDFs with JavaScript or launch actions are refused, a PDF must be
 * complete (end-of-file marker), and the name's extension must match the content.
 */
public record ContractDocument(String name, String type, String sha256, byte[] bytes) {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 2000;

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String OLE = "application/x-ole-storage";

    private static final Set<String> OLE_EXTENSIONS = Set.of("doc", "xls", "ppt");

    public static ContractDocument of(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "contract" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.length() > 400) name = name.substring(0, 400);
        if (bytes == null || bytes.length == 0) throw new PartnersException(name + ": 空のファイルです / the file is empty");
        if (bytes.length > MAX_BYTES) {
            throw new PartnersException(name + ": ファイルが大きすぎます（20MBまで） / document larger than 20 MB");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new PartnersException(name + ": PDF または Office 文書（Word・Excel・PowerPoint）で登録してください。内容がどちらでもありません"
                    + " / a contract document must be PDF or Office (Word, Excel, PowerPoint); this file's content is neither");
        }
        if (type.equals(PDF)) checkPdf(name, bytes);
        if (type.startsWith("application/zip")) type = ooxml(name, bytes);
        checkExtension(name, type);
        return new ContractDocument(name, type, sha256(bytes), bytes);
    }

    static String sniff(byte[] b) {
        if (starts(b, '%', 'P', 'D', 'F', '-')) return PDF;
        if (starts(b, 'P', 'K', 3, 4)) return "application/zip";
        if (b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0
                && (b[4] & 0xff) == 0xA1 && (b[5] & 0xff) == 0xB1 && (b[6] & 0xff) == 0x1A && (b[7] & 0xff) == 0xE1) return OLE;
        return null;
    }

    /** A PDF: complete (%%EOF near the end, as every writer puts it) and without scripts or launch actions. */
    private static void checkPdf(String name, byte[] b) {
        String tail = new String(b, Math.max(0, b.length - 1024), Math.min(1024, b.length), StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new PartnersException(name + ": PDF が途中で切れています（終端 %%EOF がありません） / the PDF is truncated (no %%EOF)");
        }
        String all = new String(b, StandardCharsets.ISO_8859_1);
        for (String active : new String[] {"/JavaScript", "/JS ", "/JS(", "/JS<", "/Launch"}) {
            if (all.contains(active)) {
                throw new PartnersException(name + ": スクリプトや外部起動を含む PDF は登録できません（" + active.strip() + "） / "
                        + "a PDF with JavaScript or launch actions is refused (" + active.strip() + ")");
            }
        }
    }

    /** The Office type of an OOXML package, read from the zip's central directory only. */
    private static String ooxml(String name, byte[] b) {
        java.util.List<String> entries = centralDirectory(name, b);
        boolean contentTypes = false;
        String type = null;
        for (String e : entries) {
            if (e.contains("..") || e.startsWith("/") || e.contains("\\")) {
                throw new PartnersException(name + ": 文書内に不正なパスがあります / a part has an unsafe path: " + e);
            }
            String lower = e.toLowerCase(Locale.ROOT);
            if (lower.equals("[content_types].xml")) contentTypes = true;
            if (lower.endsWith("vbaproject.bin")) {
                throw new PartnersException(name + ": マクロを含む Office 文書は登録できません / an Office document with macros is refused");
            }
            if (lower.startsWith("word/")) type = DOCX;
            else if (lower.startsWith("xl/")) type = XLSX;
            else if (lower.startsWith("ppt/")) type = PPTX;
        }
        if (!contentTypes || type == null) {
            throw new PartnersException(name + ": Office 文書ではない zip ファイルです / a zip file that is not an Office document");
        }
        return type;
    }

    /** Entry names from the end-of-central-directory record on (no data is inflated). */
    static java.util.List<String> centralDirectory(String name, byte[] b) {
        PartnersException broken = new PartnersException(name + ": Office 文書として読めません（zip が破損しています） / not a readable Office document (broken zip)");
        int eocd = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) throw broken;
        int count = u16(b, eocd + 10);
        long offset = u32(b, eocd + 16);
        if (count > MAX_ZIP_ENTRIES) {
            throw new PartnersException(name + ": 文書の構成要素が多すぎます（" + MAX_ZIP_ENTRIES + "まで） / more than " + MAX_ZIP_ENTRIES + " parts");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        long p = offset;
        for (int n = 0; n < count; n++) {
            if (p < 0 || p + 46 > b.length) throw broken;
            int at = (int) p;
            if (!(b[at] == 'P' && b[at + 1] == 'K' && b[at + 2] == 1 && b[at + 3] == 2)) throw broken;
            int nameLen = u16(b, at + 28);
            int extra = u16(b, at + 30);
            int comment = u16(b, at + 32);
            if (at + 46L + nameLen > b.length) throw broken;
            out.add(new String(b, at + 46, nameLen, StandardCharsets.UTF_8));
            p = at + 46L + nameLen + extra + comment;
        }
        if (out.isEmpty()) throw broken;
        return out;
    }

    private static void checkExtension(String name, String type) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return;
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean ok = switch (type) {
            case PDF -> ext.equals("pdf");
            case DOCX -> ext.equals("docx");
            case XLSX -> ext.equals("xlsx");
            case PPTX -> ext.equals("pptx");
            default -> OLE_EXTENSIONS.contains(ext);
        };
        if (!ok) {
            throw new PartnersException(name + ": 拡張子と内容が一致しません（内容は " + label(type) + "） / the name does not match the content (" + label(type) + ")");
        }
    }

    static String label(String type) {
        return switch (type) {
            case PDF -> "PDF";
            case DOCX -> "Word";
            case XLSX -> "Excel";
            case PPTX -> "PowerPoint";
            default -> "Office (doc/xls/ppt)";
        };
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
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
