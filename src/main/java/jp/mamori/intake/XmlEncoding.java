package jp.mamori.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses an XML document whose encoding declaration lies (issue 18.10), instead of letting the parser
 * store mojibake: declared (or defaulting to) UTF-8 but bytes that are not UTF-8 (a file saved as Shift_JIS),
 * declared Shift_JIS / EUC-JP / ISO-8859-1 … but bytes that are not that encoding, or that are plainly UTF-8
 * (their non-ASCII bytes all form UTF-8 sequences, which real Japanese text in those encodings does not).
 * The JDK parser would silently replace undecodable bytes or decode UTF-8 as Shift_JIS.
 */
public final class XmlEncoding {

    /** The document's encoding declaration contradicts its bytes. */
    public static final class MismatchException extends IOException {
        public MismatchException(String message) { super(message); }
    }

    private static final Pattern DECL = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    /** Non-ASCII bytes looked at before deciding that a document declared otherwise is really UTF-8. */
    private static final int UTF8_EVIDENCE_BYTES = 48;

    private XmlEncoding() { }

    /** Checks a whole document in memory; null when it is consistent, else the reason. */
    public static String problem(byte[] bytes) {
        Checker c = new Checker(bytes, bytes.length);
        String p = c.feed(bytes, 0, bytes.length);
        return p != null ? p : c.finish();
    }

    /** A stream that fails with {@link MismatchException} as soon as the bytes contradict the declaration. */
    public static InputStream guard(InputStream in) throws IOException {
        java.io.BufferedInputStream b = in instanceof java.io.BufferedInputStream bis ? bis : new java.io.BufferedInputStream(in, 64 * 1024);
        b.mark(512);
        byte[] head = b.readNBytes(512);
        b.reset();
        Checker checker = new Checker(head, head.length);
        if (checker.inactive()) return b;
        return new FilterInputStream(b) {
            @Override
            public int read() throws IOException {
                int v = super.read();
                if (v < 0) fail(checker.finish());
                else fail(checker.feed(new byte[] {(byte) v}, 0, 1));
                return v;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) fail(checker.finish());
                else if (n > 0) fail(checker.feed(buf, off, n));
                return n;
            }

            private void fail(String problem) throws MismatchException {
                if (problem != null) throw new MismatchException(problem);
            }
        };
    }

    /** The declared encoding (a BOM wins; none declared: UTF-8), upper case. */
    static String declared(byte[] head, int len) {
        if (len >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) return "UTF-8";
        if (len >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)) return "UTF-16";
        if (len >= 2 && (head[0] == 0 || head[1] == 0)) return "UTF-16";
        String ascii = new String(head, 0, len, StandardCharsets.ISO_8859_1).stripLeading();
        Matcher m = DECL.matcher(ascii);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "UTF-8";
    }

    private static final class Checker {
        private final String declared;
        private final boolean utf8Declared;
        private final CharsetDecoder decoder; // strict decoder of a declared non-UTF-8 encoding, or null
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private long offset;
        // UTF-8 validation state
        private int pending;
        private boolean utf8Valid = true;
        private long utf8InvalidAt = -1;
        private int nonAscii;
        private boolean decided;

        Checker(byte[] head, int len) {
            declared = declared(head, len);
            utf8Declared = declared.equals("UTF-8") || declared.equals("UTF8");
            CharsetDecoder d = null;
            if (!utf8Declared && !declared.startsWith("UTF-16") && !declared.startsWith("UTF-32") && !declared.equals("US-ASCII")
                    && !declared.equals("ASCII")) {
                try {
                    d = Charset.forName(declared).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
                } catch (RuntimeException unknown) {
                    d = null; // the parser reports an unknown encoding itself
                }
            }
            decoder = d;
        }

        boolean inactive() {
            return !utf8Declared && decoder == null;
        }

        String feed(byte[] b, int off, int len) {
            if (decided) return null;
            for (int i = off; i < off + len; i++) {
                int v = b[i] & 0xff;
                if (v >= 0x80) nonAscii++;
                if (utf8Valid) utf8Step(v, offset + (i - off));
            }
            if (utf8Declared && !utf8Valid) {
                decided = true;
                return "XML宣言は UTF-8（または宣言なし）ですが、" + (utf8InvalidAt + 1) + " バイト目が UTF-8 ではありません（Shift_JIS などで保存されています）。"
                        + "UTF-8 で保存し直すか、正しい encoding を宣言してください / the XML declares UTF-8 (or nothing) but byte " + (utf8InvalidAt + 1)
                        + " is not UTF-8 (saved as Shift_JIS or similar): save it as UTF-8 or declare its real encoding";
            }
            if (decoder != null) {
                String p = decode(b, off, len);
                if (p != null) {
                    decided = true;
                    // undecodable in the declared encoding but UTF-8 so far: say what it really is
                    return utf8Valid && nonAscii > 0 ? looksUtf8() : p;
                }
                if (utf8Valid && pending == 0 && nonAscii >= UTF8_EVIDENCE_BYTES) {
                    decided = true;
                    return looksUtf8();
                }
            }
            offset += len;
            return null;
        }

        String finish() {
            if (decided) return null;
            decided = true;
            if (utf8Declared) return pending == 0 ? null : feedEnd();
            if (decoder != null && carry.hasRemaining()) return notDeclared(offset - carry.remaining());
            if (decoder != null && utf8Valid && pending == 0 && nonAscii > 0) return looksUtf8();
            return null;
        }

        private String feedEnd() {
            utf8InvalidAt = offset;
            return "XML宣言は UTF-8 ですが、末尾が UTF-8 として途中で切れています / the XML declares UTF-8 but ends inside a UTF-8 sequence";
        }

        private String looksUtf8() {
            return "XML宣言は " + declared + " ですが、内容は UTF-8 です（このまま読むと文字化けします）。encoding=\"UTF-8\" と宣言してください / the XML declares "
                    + declared + " but its bytes are UTF-8 (it would be read as mojibake): declare encoding=\"UTF-8\"";
        }

        private String notDeclared(long at) {
            return "XML宣言は " + declared + " ですが、" + (at + 1) + " バイト目が " + declared + " として読めません。正しい encoding を宣言してください / the XML declares "
                    + declared + " but byte " + (at + 1) + " is not valid " + declared + ": declare its real encoding";
        }

        private String decode(byte[] b, int off, int len) {
            ByteBuffer in = ByteBuffer.allocate(carry.remaining() + len);
            long start = offset - carry.remaining();
            in.put(carry).put(b, off, len).flip();
            CharBuffer out = CharBuffer.allocate(Math.max(16, in.remaining() * 2));
            while (true) {
                CoderResult r = decoder.decode(in, out, false);
                if (r.isError()) return notDeclared(start + in.position());
                if (r.isOverflow()) {
                    out.clear();
                    continue;
                }
                break;
            }
            carry = ByteBuffer.allocate(in.remaining()).put(in).flip();
            return null;
        }

        private void utf8Step(int v, long at) {
            if (pending > 0) {
                if ((v & 0xC0) != 0x80) {
                    utf8Valid = false;
                    utf8InvalidAt = at;
                    return;
                }
                pending--;
                return;
            }
            if (v < 0x80) return;
            if (v >= 0xC2 && v <= 0xDF) pending = 1;
            else if (v >= 0xE0 && v <= 0xEF) pending = 2;
            else if (v >= 0xF0 && v <= 0xF4) pending = 3;
            else {
                utf8Valid = false;
                utf8InvalidAt = at;
            }
        }
    }
}
