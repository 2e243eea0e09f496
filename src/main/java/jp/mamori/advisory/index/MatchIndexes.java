package jp.mamori.advisory.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import jp.mamori.advisory.store.KbGeneration;

/**
 * Keeps the compiled match index of one knowledge base (ADR 0015): the file {@value #FILE} in the
 * data directory, built from the knowledge base (incrementally from the previous file where it
 * can, ADR 0025) and replaced atomically (written to a temporary file, forced to disk, renamed). Whoever asks gets the index only when it was built from the
 * knowledge base's current generation; a missing, stale or damaged file is rebuilt, never used.
 * While another thread rebuilds, callers get nothing and read the database instead, which gives
 * the same results.
 */
public final class MatchIndexes {

    public static final String FILE = "match-index.bin";

    private final DataSource dataSource;
    private final Path dir;
    private final String fileName;
    private final String tempPrefix;
    private final AtomicReference<MatchIndex> current = new AtomicReference<>();
    private final ReentrantLock building = new ReentrantLock();
    private volatile BuildReport lastBuild;

    /**
     * What the last build in this process did, for the benchmark and for messages.
     *
     * @param parsed      statements whose stored JSON was parsed
     * @param reused      statements taken from the earlier index file (incremental build, ADR 0025)
     * @param fullBecause why the build was a full one; null when it was incremental
     * @param phases      where the build's time went (reading, writing), in words
     */
    public record BuildReport(KbGeneration version, int statements, int parsed, int reused, String fullBecause, String phases,
                              long bytes, long nanos) {
        public boolean incremental() {
            return fullBecause == null;
        }
    }

    /** The index of the embedded database in {@code dir}. */
    public MatchIndexes(DataSource dataSource, Path dir) {
        this(dataSource, dir, null);
    }

    /**
     * @param serverUrl for a database server, its URL: the file name carries a digest of it, so
     *                  several databases can share a data directory
     */
    public MatchIndexes(DataSource dataSource, Path dir, String serverUrl) {
        this.dataSource = dataSource;
        this.dir = dir;
        this.fileName = serverUrl == null ? FILE : "match-index-" + digest(serverUrl) + ".bin";
        this.tempPrefix = fileName + ".tmp-";
    }

    private static String digest(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return dir.resolve(fileName);
    }

    public Optional<BuildReport> lastBuild() {
        return Optional.ofNullable(lastBuild);
    }

    /**
     * The index at the knowledge base's current generation: the one held, else the file when it is
     * intact and current, else a new build. Empty while another thread builds, or when the
     * knowledge base changed during the build: then the caller reads the database.
     */
    public Optional<MatchIndex> current() {
        return current(true);
    }

    /**
     * The index when it is current and already built (held, or intact on disk), never building one:
     * for readers that only want its figures and have a slower answer of their own.
     */
    public Optional<MatchIndex> currentIfBuilt() {
        return current(false);
    }

    private Optional<MatchIndex> current(boolean buildWhenMissing) {
        KbGeneration generation = KbGeneration.read(dataSource);
        if (generation.instance() == null) return Optional.empty();
        MatchIndex held = current.get();
        if (held != null && held.version().equals(generation)) return Optional.of(held);
        if (!building.tryLock()) return Optional.empty();
        try {
            held = current.get();
            if (held != null && held.version().equals(generation)) return Optional.of(held);
            MatchIndex onDisk = openIfIntact(file());
            // Built by other code (an upgrade), a file may encode or key statements differently: it is
            // stale too, whatever its generation.
            if (onDisk != null && onDisk.version().equals(generation) && java.util.Arrays.equals(onDisk.builtBy(), BuilderIdentity.current())) {
                current.set(onDisk);
                return Optional.of(onDisk);
            }
            if (!buildWhenMissing) return Optional.empty();
            // The file just opened and verified (a pass over all of it) is the build's starting point: not opened again.
            MatchIndex built = rebuildLocked(base(onDisk), System.nanoTime());
            return built.version().equals(KbGeneration.read(dataSource)) ? Optional.of(built) : Optional.empty();
        } catch (IOException e) {
            throw new MatchIndexException("照合インデックスを作成できません / cannot build the match index in " + dir + ": " + e.getMessage(), e);
        } finally {
            building.unlock();
        }
    }

    /**
     * Builds the index now (after an import), whatever is on disk, incrementally from the index held
     * or on disk when it can; waits for a build under way.
     */
    public MatchIndex rebuild() {
        return rebuild(true);
    }

    /** Builds the index now reading every statement's JSON, as the first build does (the benchmark's full figure). */
    public MatchIndex rebuildFromScratch() {
        return rebuild(false);
    }

    private MatchIndex rebuild(boolean incremental) {
        KbGeneration.read(dataSource);
        building.lock();
        try {
            long t0 = System.nanoTime();
            return rebuildLocked(incremental ? base(openIfIntact(file())) : null, t0);
        } catch (IOException e) {
            throw new MatchIndexException("照合インデックスを作成できません / cannot build the match index in " + dir + ": " + e.getMessage(), e);
        } finally {
            building.unlock();
        }
    }

    /** Rebuilds only when the held or stored index is not current; cheap when nothing changed. */
    public void refresh() {
        current();
    }

    /**
     * @param base      the earlier index to build incrementally from ({@link #base}); null for a full build
     * @param t0        when the build began (opening the earlier file counts), for {@link BuildReport#nanos}
     */
    private MatchIndex rebuildLocked(MatchIndex base, long t0) throws IOException {
        Files.createDirectories(dir);
        removeAbandonedTemporaries();
        Path tmp = dir.resolve(tempPrefix + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            MatchIndexBuilder.Built built = MatchIndexBuilder.build(dataSource, tmp, base, BuilderIdentity.current());
            // Opened before the rename: what this process holds is what it built, whoever renames next.
            MatchIndex index = MatchIndex.open(tmp);
            crashPoint("before-rename");
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            index = index.renamed(file());
            current.set(index);
            lastBuild = new BuildReport(built.version(), built.statements(), built.parsed(), built.reused(), built.fullBecause(),
                    built.phases(), index.sizeBytes(), System.nanoTime() - t0);
            return index;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The earlier index an incremental build starts from: the newer of the one held and the intact
     * file ({@code onDisk}, null for none), whether stale or not (the builder checks that it is of
     * this knowledge base and this code).
     */
    private MatchIndex base(MatchIndex onDisk) {
        MatchIndex held = current.get();
        if (held == null) return onDisk;
        if (onDisk == null || !onDisk.version().instance().equals(held.version().instance())) return held;
        return onDisk.version().generation() > held.version().generation() ? onDisk : held;
    }

    private static MatchIndex openIfIntact(Path file) {
        try {
            return MatchIndex.open(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // Damaged or unreadable: rebuilt by the caller, never used.
            return null;
        }
    }

    /** Temporary files of builds whose process is gone (killed mid-build). */
    private void removeAbandonedTemporaries() {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, tempPrefix + "*")) {
            for (Path p : s) {
                String rest = p.getFileName().toString().substring(tempPrefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                if (pid == ProcessHandle.current().pid()) continue;
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // nothing to clean, or not allowed to: the next build tries again
        }
    }

    /**
     * Test hook for the crash test: with {@code -Dmamori.matchIndex.stallAt=NAME} a build stops at
     * that point long enough to be killed. No effect otherwise.
     */
    static void crashPoint(String name) {
        String at = System.getProperty("mamori.matchIndex.stallAt");
        if (at == null || !at.equals(name)) return;
        System.out.println("STALLED " + name);
        System.out.flush();
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The index could not be built (disk full, directory not writable, database unreadable). */
    public static final class MatchIndexException extends RuntimeException {
        public MatchIndexException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
