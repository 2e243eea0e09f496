package jp.mamori.detection.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.mamori.detection.logs.Addresses;

/**
 * The tab-separated lists a user hands in: the allow-list ({@code kind, value, note}; {@code #}
 * comments) and the VDI desktops ({@code user, host, address[, department, kind]} with a header).
 * Bounded (1 MiB, 20,000 rows), UTF-8 only; the first bad row is an error naming its line, and
 * nothing of the file is used.
 */
public final class ListFiles {
    private ListFiles() { }

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    /** A desktop row: the address a proxy sees, whose it is, and whether it handles 3A/3B information ({@code kind} 3A or 3B). */
    public record DesktopRow(String user, String host, String address, String department, String kind) {
        public boolean confidential() {
            return kind != null && (kind.equalsIgnoreCase("3A") || kind.equalsIgnoreCase("3B") || kind.toLowerCase(Locale.ROOT).contains("confidential"));
        }
    }

    public static List<AllowEntry> allowList(String name, InputStream in) throws IOException {
        List<AllowEntry> out = new ArrayList<>();
        int n = 0;
        for (String line : lines(name, in)) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 2) throw new IllegalArgumentException(name + " " + n + " 行目: 種別と値をタブで区切ってください / line " + n + ": expected kind<TAB>value[<TAB>note]");
            try {
                out.add(new AllowEntry(AllowKind.fromKey(f[0]), f[1], f.length > 2 ? f[2] : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " " + n + " 行目 / line " + n + ": " + e.getMessage(), e);
            }
            if (out.size() > MAX_ROWS) throw new IllegalArgumentException(name + ": 行が多すぎます / more than " + MAX_ROWS + " rows");
        }
        return out;
    }

    public static List<DesktopRow> desktops(String name, InputStream in) throws IOException {
        List<String> lines = lines(name, in);
        List<DesktopRow> out = new ArrayList<>();
        int[] col = null;
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (col == null) {
                col = new int[] {-1, -1, -1, -1, -1};
                String[] names = {"user", "host", "address", "department", "kind"};
                for (int i = 0; i < f.length; i++) {
                    for (int k = 0; k < names.length; k++) if (f[i].strip().equalsIgnoreCase(names[k])) col[k] = i;
                }
                if (col[0] < 0 || col[1] < 0 || col[2] < 0) {
                    throw new IllegalArgumentException(name + " 1 行目: 見出し user, host, address が必要です / line " + n + ": the header must name user, host and address");
                }
                continue;
            }
            String user = get(f, col[0]), host = get(f, col[1]), addr = Addresses.strip(get(f, col[2]));
            if (user == null || addr == null || !Addresses.isAddress(addr)) {
                throw new IllegalArgumentException(name + " " + n + " 行目: 利用者とアドレスが必要です / line " + n + ": a user and an IP address are required");
            }
            out.add(new DesktopRow(Addresses.userKey(user), host, addr, get(f, col[3]), get(f, col[4])));
            if (out.size() > MAX_ROWS) throw new IllegalArgumentException(name + ": 行が多すぎます / more than " + MAX_ROWS + " rows");
        }
        if (col == null) throw new IllegalArgumentException(name + ": 見出し行がありません / no header row");
        return out;
    }

    private static String get(String[] f, int i) {
        if (i < 0 || i >= f.length) return null;
        String s = f[i].strip();
        return s.isEmpty() ? null : s;
    }

    static List<String> lines(String name, InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int r;
        while ((r = in.read(b)) > 0) {
            buf.write(b, 0, r);
            if (buf.size() > MAX_BYTES) throw new IllegalArgumentException(name + ": ファイルが大きすぎます / larger than 1 MiB");
        }
        byte[] bytes = buf.toByteArray();
        for (byte x : bytes) if (x == 0) throw new IllegalArgumentException(name + ": バイナリファイルです（NULバイト） / a binary file (NUL bytes)");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + ": UTF-8 ではありません / not UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return List.of(text.split("\\r?\\n", -1));
    }
}
