package jp.mamori.advisory.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which code built an index file (ADR 0025): a digest of the jar (or class directory) this class
 * was loaded from and the Java version. A build reuses parts of an earlier file only
 * when that file was built by the same code, because what a statement's JSON becomes in the file
 * (parsing, lookup keys, merged facts) is decided by the code: after an upgrade the first build is
 * a full one, as every build was before, and no scan uses a file of the old code meanwhile.
 * Computed once per process.
 */
final class BuilderIdentity {

    private static volatile byte[] current;

    private BuilderIdentity() { }

    /** The identity of the running code, {@value MatchIndexFormat#BUILDER_BYTES} bytes. */
    static byte[] current() {
        byte[] c = current;
        if (c == null) {
            c = compute();
            current = c;
        }
        return c.clone();
    }

    private static byte[] compute() {
        MessageDigest d = sha256();
        // Not the class path: the benchmark and `mamori scan` run the same jar on different class paths
        // and share one index; the libraries' versions are in the jar's manifest, hence in its digest.
        d.update(("java " + System.getProperty("java.version") + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            var source = BuilderIdentity.class.getProtectionDomain().getCodeSource();
            Path code = source == null ? null : Path.of(source.getLocation().toURI());
            if (code != null && Files.isRegularFile(code)) {
                digestFile(d, code);
            } else if (code != null && Files.isDirectory(code)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(code)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    d.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    digestFile(d, f);
                }
            } else {
                unknown(d);
            }
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            unknown(d);
        }
        return Arrays.copyOf(d.digest(), MatchIndexFormat.BUILDER_BYTES);
    }

    /** Code of unknown origin: an identity of this process alone, so nothing built elsewhere is reused. */
    private static void unknown(MessageDigest d) {
        d.update(("process " + ProcessHandle.current().pid() + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
    }

    private static void digestFile(MessageDigest d, Path f) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
