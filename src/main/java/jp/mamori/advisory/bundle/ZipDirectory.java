package jp.mamori.advisory.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory itself, for what {@link java.util.zip.ZipEntry} does not show:
 * the entry count before anything else is read, the "made by" system and external attributes
 * (Unix file type: symbolic links, devices), the encryption flag. ZIP64 end records are understood.
 */
final class ZipDirectory {

    record Entry(String name, int versionMadeBy, int flags, int method, long externalAttributes) {
        boolean madeOnUnix() { return (versionMadeBy >> 8) == 3; }

        /** The Unix st_mode file type bits (0 when not made on Unix). */
        int unixType() { return madeOnUnix() ? (int) ((externalAttributes >>> 16) & 0170000) : 0; }

        boolean encrypted() { return (flags & 1) != 0; }
    }

    static final class ZipFormatException extends IOException {
        ZipFormatException(String m) { super(m); }
    }

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CEN = 0x02014b50;
    private static final long MAX_DIRECTORY_BYTES = 512L * 1024 * 1024;

    private ZipDirectory() { }

    /** @throws ZipFormatException not a zip, damaged, or more than {@code maxEntries} entries */
    static List<Entry> read(Path file, int maxEntries) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 22) throw new ZipFormatException("not a zip file (too short)");
            int tailLen = (int) Math.min(size, 22 + 65535);
            ByteBuffer tail = read(ch, size - tailLen, tailLen);
            int eocd = -1;
            for (int i = tailLen - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD && i + 22 + (tail.getShort(i + 20) & 0xffff) == tailLen) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) throw new ZipFormatException("not a zip file (no end of central directory)");
            long eocdPos = size - tailLen + eocd;
            long total = tail.getShort(eocd + 10) & 0xffff;
            long cdSize = tail.getInt(eocd + 12) & 0xffffffffL;
            long cdOffset = tail.getInt(eocd + 16) & 0xffffffffL;
            if (total == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
                if (eocdPos < 20) throw new ZipFormatException("damaged ZIP64 end records");
                ByteBuffer loc = read(ch, eocdPos - 20, 20);
                if (loc.getInt(0) != ZIP64_LOCATOR) throw new ZipFormatException("damaged ZIP64 end records");
                long z64 = loc.getLong(8);
                if (z64 < 0 || z64 + 56 > size) throw new ZipFormatException("damaged ZIP64 end records");
                ByteBuffer rec = read(ch, z64, 56);
                if (rec.getInt(0) != ZIP64_EOCD) throw new ZipFormatException("damaged ZIP64 end records");
                total = rec.getLong(32);
                cdSize = rec.getLong(40);
                cdOffset = rec.getLong(48);
            }
            if (total < 0 || total > maxEntries) {
                throw new ZipFormatException("too many entries: " + total + " (limit " + maxEntries + ")");
            }
            if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > size || cdSize > MAX_DIRECTORY_BYTES) {
                throw new ZipFormatException("damaged central directory");
            }
            ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
            List<Entry> entries = new ArrayList<>((int) total);
            int pos = 0;
            for (long i = 0; i < total; i++) {
                if (pos + 46 > cd.limit() || cd.getInt(pos) != CEN) throw new ZipFormatException("damaged central directory");
                int madeBy = cd.getShort(pos + 4) & 0xffff;
                int flags = cd.getShort(pos + 8) & 0xffff;
                int method = cd.getShort(pos + 10) & 0xffff;
                int nameLen = cd.getShort(pos + 28) & 0xffff;
                int extraLen = cd.getShort(pos + 30) & 0xffff;
                int commentLen = cd.getShort(pos + 32) & 0xffff;
                long ext = cd.getInt(pos + 38) & 0xffffffffL;
                if (pos + 46 + nameLen + extraLen + commentLen > cd.limit()) throw new ZipFormatException("damaged central directory");
                byte[] nameBytes = new byte[nameLen];
                cd.get(pos + 46, nameBytes);
                entries.add(new Entry(new String(nameBytes, StandardCharsets.UTF_8), madeBy, flags, method, ext));
                pos += 46 + nameLen + extraLen + commentLen;
            }
            return entries;
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) throw new ZipFormatException("unexpected end of file");
        }
        b.flip();
        return b;
    }
}
