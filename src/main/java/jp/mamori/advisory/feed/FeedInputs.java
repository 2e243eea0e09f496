package jp.mamori.advisory.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens feed files for the parsers. FIRST publishes EPSS only as {@code .csv.gz} and mirrors of the
 * NVD feeds are usually gzipped, so gzip is undone here, transparently, for every source. The
 * decompressed stream is bounded because a few kilobytes of gzip can expand to terabytes.
 */
public final class FeedInputs {
    /** Default bound on decompressed bytes: 2 GiB, above the whole NVD as one JSON document. */
    public static final long DEFAULT_MAX_DECOMPRESSED = 2L * 1024 * 1024 * 1024;

    private static final int BUFFER = 64 * 1024;

    private FeedInputs() { }

    /** Opens {@code file}, gunzipping it when it is gzip, with the default bound. */
    public static InputStream open(Path file) throws IOException {
        return open(file, DEFAULT_MAX_DECOMPRESSED);
    }

    /**
     * Opens {@code file}; gzip content (recognised by its magic bytes, whatever the name) is
     * decompressed and reading fails with {@link FeedSizeLimitException} past {@code maxDecompressed}.
     */
    public static InputStream open(Path file, long maxDecompressed) throws IOException {
        if (maxDecompressed <= 0) throw new IllegalArgumentException("maxDecompressed must be positive");
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            if (!isGzip(in)) return in;
            long compressedSize = Files.size(file);
            SizeLimitedInputStream compressed = new SizeLimitedInputStream(in, Long.MAX_VALUE, file.toString(), "gzip");
            try {
                InputStream gz = new GZIPInputStream(compressed, BUFFER);
                SizeLimitedInputStream out = new SizeLimitedInputStream(gz, maxDecompressed, file.getFileName().toString(), "decompressed gzip content");
                return new BufferedInputStream(new GzipDamage(out, file.toString(), compressed, compressedSize), BUFFER);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new DamagedGzipException(file.toString(), compressed.count(), compressedSize, 0, e);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Turns the JDK's bare "Unexpected end of ZLIB input stream" into a message naming the file and the place. */
    private static final class GzipDamage extends java.io.FilterInputStream {
        private final String file;
        private final SizeLimitedInputStream compressed;
        private final long compressedSize;

        GzipDamage(SizeLimitedInputStream decompressed, String file, SizeLimitedInputStream compressed, long compressedSize) {
            super(decompressed);
            this.file = file;
            this.compressed = compressed;
            this.compressedSize = compressedSize;
        }

        private DamagedGzipException damaged(IOException e) {
            return new DamagedGzipException(file, compressed.count(), compressedSize, ((SizeLimitedInputStream) in).count(), e);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw damaged(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw damaged(e);
            }
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }
}
