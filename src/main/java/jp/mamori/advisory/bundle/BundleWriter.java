package jp.mamori.advisory.bundle;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.advisory.Source;

/**
 * Packs the feed cache ({@code <dataDir>/feeds}, filled by {@code feeds sync}) into one offline
 * bundle for a closed (LGWAN) network: a zip with the documents under {@code feeds/<source>/…} and
 * a {@code manifest.json} with the size and SHA-256 of each, hashed while it is packed, so a file
 * replaced by a running sync is packed consistently. The bundle is written to a temp file and moved
 * into place: a half-written bundle never carries the final name.
 *
 * <p>Packed: regular files below a directory named after a {@link Source} key; hidden files and
 * directories (sync's temp files) and symbolic links are left out. Files are listed in import order:
 * by source (NVD first), then by fetch time, then by path.
 */
public final class BundleWriter {

    private BundleWriter() { }

    public static BundleManifest write(Path feedCacheDir, Path bundleFile, Clock clock) throws IOException, BundleException {
        return write(feedCacheDir, bundleFile, clock, null);
    }

    /**
     * @param fetchedSince only files fetched at or after this instant (an incremental bundle); null for all
     * @throws BundleException there is nothing to pack, or a cache file has a name a bundle cannot carry
     */
    public static BundleManifest write(Path feedCacheDir, Path bundleFile, Clock clock, Instant fetchedSince)
            throws IOException, BundleException {
        Path root = feedCacheDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new BundleException(root + ": no feed cache here (run 'feeds sync' first)");
        List<Candidate> files = collect(root, fetchedSince);
        if (files.isEmpty()) {
            throw new BundleException(root + ": no feed documents to pack" + (fetchedSince == null ? "" : " fetched since " + fetchedSince));
        }
        Path target = bundleFile.toAbsolutePath().normalize();
        if (target.startsWith(root)) throw new BundleException(target + ": the bundle must not be written inside the feed cache " + root);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        Instant created = clock.instant();
        List<BundleManifest.Entry> entries = new ArrayList<>();
        try {
            try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] buf = new byte[128 * 1024];
                for (Candidate c : files) {
                    String name = BundleManifest.FEEDS_PREFIX + c.source.key() + "/" + c.relative;
                    ZipEntry e = new ZipEntry(name);
                    e.setLastModifiedTime(FileTime.from(c.fetchedAt));
                    zip.putNextEntry(e);
                    MessageDigest md = sha256();
                    long size = 0;
                    try (InputStream in = Files.newInputStream(c.file, LinkOption.NOFOLLOW_LINKS)) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            md.update(buf, 0, n);
                            zip.write(buf, 0, n);
                            size += n;
                        }
                    }
                    zip.closeEntry();
                    entries.add(new BundleManifest.Entry(name, c.source, c.fetchedAt, size, HexFormat.of().formatHex(md.digest())));
                }
                BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, created, entries);
                ZipEntry m = new ZipEntry(BundleManifest.MANIFEST_NAME);
                m.setLastModifiedTime(FileTime.from(created));
                zip.putNextEntry(m);
                writeManifest(manifest, zip);
                zip.closeEntry();
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return new BundleManifest(BundleManifest.FORMAT_VERSION, created, entries);
    }

    private record Candidate(Source source, String relative, Path file, Instant fetchedAt) { }

    private static List<Candidate> collect(Path root, Instant fetchedSince) throws IOException, BundleException {
        List<Candidate> all = new ArrayList<>();
        for (Source source : EnumSet.allOf(Source.class)) {
            Path dir = root.resolve(source.key());
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) continue;
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(dir, BundlePaths.MAX_DEPTH, new FileVisitOption[0])) {
                paths = walk.toList();
            }
            for (Path p : paths) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) continue;
                String relative = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (hidden(relative)) continue;
                String name = BundleManifest.FEEDS_PREFIX + source.key() + "/" + relative;
                String problem = BundlePaths.problem(name);
                if (problem != null) throw new BundleException(p.toString(), name, "cannot be packed: " + problem);
                Instant fetchedAt = a.lastModifiedTime().toInstant();
                if (fetchedSince != null && fetchedAt.isBefore(fetchedSince)) continue;
                all.add(new Candidate(source, relative, p, fetchedAt));
            }
        }
        all.sort(Comparator.comparingInt((Candidate c) -> BundlePaths.rank(c.source))
                .thenComparing(c -> c.fetchedAt)
                .thenComparing(c -> c.relative));
        return all;
    }

    private static boolean hidden(String relative) {
        for (String seg : relative.split("/")) if (seg.startsWith(".")) return true;
        return false;
    }

    private static void writeManifest(BundleManifest manifest, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(new NonClosing(out), JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("format", BundleManifest.FORMAT);
        g.writeNumberField("formatVersion", manifest.formatVersion());
        g.writeStringField("createdAt", manifest.createdAt().toString());
        g.writeNumberField("fileCount", manifest.files().size());
        g.writeNumberField("totalSize", manifest.totalSize());
        g.writeArrayFieldStart("files");
        for (BundleManifest.Entry e : manifest.files()) {
            g.writeStartObject();
            g.writeStringField("path", e.path());
            g.writeStringField("source", e.source().key());
            g.writeStringField("fetchedAt", e.fetchedAt().toString());
            g.writeNumberField("size", e.size());
            g.writeStringField("sha256", e.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) { super(out); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override
        public void close() throws IOException { flush(); }
    }
}
