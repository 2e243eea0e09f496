package jp.mamori.advisory.feed;

import java.io.IOException;

/**
 * A {@code .gz} file ends early or is corrupt (issue 18.10: a truncated download). The message names the
 * file and the place: how far into the compressed file, and how many bytes it had given, the stream broke.
 * Bad input, not a failure of Mamori: the command exits 2.
 */
public class DamagedGzipException extends IOException {
    private final String file;

    public DamagedGzipException(String file, long compressedAt, long compressedSize, long decompressed, Throwable cause) {
        super(file + ": gzip が途中で切れているか壊れています（圧縮データ " + compressedSize + " バイト中 " + compressedAt
                + " バイト目、展開後 " + decompressed + " バイト目） / the gzip file is truncated or corrupt (at compressed byte "
                + compressedAt + " of " + compressedSize + ", after " + decompressed + " decompressed bytes): "
                + cause.getMessage() + "; download it again", cause);
        this.file = file;
    }

    public String file() { return file; }
}
