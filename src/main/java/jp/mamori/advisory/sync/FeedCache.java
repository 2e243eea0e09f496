package jp.mamori.advisory.sync;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import jp.mamori.advisory.Source;

/**
 * The feed cache {@code <dataDir>/feeds/<source>/...}: every downloaded document, kept so that it can
 * be packed into an offline bundle. A document is first written to a hidden temp file beside its
 * place and then moved there atomically, so a reader never sees half a file. The file's modification
 * time is the time it was fetched (the bundle manifest's {@code fetchedAt}).
 */
public final class FeedCache {

    static final String TEMP_PREFIX = ".tmp-";

    private final Path root;

    /** @param root the feeds directory, usually {@code <dataDir>/feeds} */
    public FeedCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path dir(Source source) {
        return root.resolve(source.key());
    }

    /** Where {@code relative} (forward slashes, no "..") of a source lives. */
    public Path path(Source source, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("..")
                || relative.contains("//") || relative.startsWith(".")) {
            throw new IllegalArgumentException("bad cache path: " + relative);
        }
        Path dir = dir(source);
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir)) throw new IllegalArgumentException("bad cache path: " + relative);
        return p;
    }

    /** A fresh hidden temp file in the source's directory (same file system as the target: atomic move). */
    public Path newTempFile(Source source) throws IOException {
        Path dir = dir(source);
        Files.createDirectories(dir);
        return dir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".part");
    }

    /** Moves a downloaded temp file to its place and stamps it with the fetch time. */
    public Path commit(Path temp, Source source, String relative, Instant fetchedAt) throws IOException {
        Path target = path(source, relative);
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setLastModifiedTime(target, FileTime.from(fetchedAt));
        return target;
    }

    /** Removes temp files left behind by an interrupted sync. */
    public void cleanTemp(Source source) {
        Path dir = dir(source);
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path p : ds) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // harmless: temp files are never packed or imported
        }
    }

    /** Cache-relative path with forward slashes, for messages and the bundle manifest. */
    public String display(Path file) {
        Path rel = root.relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }
}
