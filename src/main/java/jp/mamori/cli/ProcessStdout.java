package jp.mamori.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output, known to encode UTF-8, so that a large document can be written to
 * it as UTF-8 bytes ({@link #bytes}) instead of characters. A 10,000-component scan prints ~60 MB of
 * JSON: through a {@code PrintStream}'s characters every chunk became a new string and went through
 * the JDK's encoder, which was a quarter of a cold scan (issue 16). Java 17 cannot tell which
 * charset an arbitrary {@code PrintStream} encodes in, hence this type: any other stream (a test's
 * captured output) keeps the character path.
 */
final class ProcessStdout extends PrintStream {

    ProcessStdout(OutputStream bytes) {
        // autoflush as the JDK's own System.out: a line printed is a line the user sees
        super(bytes, true, StandardCharsets.UTF_8);
    }

    /** Replaces {@code System.out} for the life of the process (the jar's entry point only). */
    static void install() {
        System.setOut(new ProcessStdout(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
    }

    /**
     * The byte stream under this one, everything printed so far already handed to it, so bytes
     * written next follow it in order. Like the print methods it never throws: a failed write (the
     * reader went away, as with {@code | head}) sets {@link #checkError()} and later writes are dropped.
     * Closing it only flushes.
     */
    OutputStream bytes() {
        flush();
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (failed) return;
                try {
                    out.write(b, off, len);
                } catch (java.io.IOException e) {
                    fail();
                }
            }

            @Override
            public void flush() {
                if (failed) return;
                try {
                    out.flush();
                } catch (java.io.IOException e) {
                    fail();
                }
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    private volatile boolean failed;

    private void fail() {
        failed = true;
        setError();
    }
}
