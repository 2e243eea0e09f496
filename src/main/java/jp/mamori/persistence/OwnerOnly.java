package jp.mamori.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded database's directory is the owner's only (0700) and so are its files (0600): the
 * database files hold password hashes and the lock file names the process (issue 18.4). No-op on
 * file systems without POSIX permissions.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() { }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static void directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                if (posix()) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                else Files.createDirectories(dir);
            }
            if (posix()) Files.setPosixFilePermissions(dir, DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("データディレクトリを作成できません / cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty owner-only file unless it exists (H2 appends to its trace file whenever it has something to say). */
    static void precreate(Path file) {
        if (!posix() || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // someone else made it; filesIn restricts it
        } catch (IOException e) {
            throw new UncheckedIOException("データファイルを作成できません / cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every regular file directly in the directory (database, lock, trace, secret key). */
    static void filesIn(Path dir) {
        if (!posix()) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) Files.setPosixFilePermissions(f, FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("データファイルの権限を設定できません / cannot restrict the data files in " + dir + ": " + e.getMessage(), e);
        }
    }
}
