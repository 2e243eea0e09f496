package jp.mamori.advisory.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.mamori.advisory.FeedDetector;
import jp.mamori.advisory.FeedFormat;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParsers;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.bundle.BundleException;
import jp.mamori.advisory.bundle.BundleManifest;
import jp.mamori.advisory.bundle.BundleReader;
import jp.mamori.advisory.feed.DamagedGzipException;
import jp.mamori.advisory.feed.FeedInputs;
import jp.mamori.advisory.osv.OsvArchiveReader;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.SqlDialect;

/**
 * {@code feeds import}: files, directories, .gz, OSV {@code all.zip} and offline bundles. Each
 * document is imported in its own transaction; a bad document is reported and the rest go on.
 */
public final class FeedFileImporter {

    /** Everything one run did. */
    public record Summary(ImportStats stats, int documents, List<String> failures, Set<String> touchedVulnerabilities) {
        public boolean failed() {
            return !failures.isEmpty();
        }
    }

    /** What the user asked for with {@code --source}; BUNDLE is not a knowledge-base source. */
    public enum Requested { AUTO, BUNDLE, SOURCE }

    private final Database database;
    private final Clock clock;
    private final FeedImporter importer;
    private final ImportListener listener;
    private final Path tempRoot;
    private final BundleReader.Limits bundleLimits;

    public FeedFileImporter(Database database, Clock clock, ImportListener listener) {
        this(database, clock, listener, null, BundleReader.Limits.defaults());
    }

    /** @param tempRoot where bundles are unpacked one document at a time (null: the system's temporary folder) */
    public FeedFileImporter(Database database, Clock clock, ImportListener listener, Path tempRoot, BundleReader.Limits bundleLimits) {
        this.database = database;
        this.clock = clock;
        this.importer = new FeedImporter(database, clock);
        this.listener = listener == null ? ImportListener.NONE : listener;
        this.tempRoot = tempRoot;
        this.bundleLimits = bundleLimits;
    }

    /**
     * @param source the forced source, or null to detect each document
     * @param bundle true for {@code --source bundle}
     */
    public Summary importPaths(List<Path> paths, Source source, boolean bundle) throws IOException {
        // A run stopped while it had them dropped left them missing: built before anything is written.
        DeferredIndexes.restore(database);
        boolean deferred = deferIndexesFromBytes >= 0 && DeferredIndexes.empty(database) && size(paths) >= deferIndexesFromBytes;
        if (deferred) DeferredIndexes.drop(database);
        try {
            return importAll(paths, source, bundle);
        } finally {
            if (deferred) DeferredIndexes.restore(database);
        }
    }

    /**
     * A first import of at least this many bytes builds the secondary indexes after loading (ADR 0023);
     * below it the drop and rebuild would cost more than they save. Negative: never.
     */
    FeedFileImporter deferIndexesFrom(long bytes) {
        this.deferIndexesFromBytes = bytes;
        return this;
    }

    private long deferIndexesFromBytes = 64L << 20;

    private static long size(List<Path> paths) throws IOException {
        long total = 0;
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                total += Files.size(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    total += walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            }
        }
        return total;
    }

    private Summary importAll(List<Path> paths, Source source, boolean bundle) throws IOException {
        Run run = new Run();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                run.failures.add(p + ": ファイルがありません / no such file or directory");
                continue;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                        importFile(f, source, bundle, true, run);
                    }
                }
            } else {
                importFile(p, source, bundle, false, run);
            }
        }
        return new Summary(run.stats, run.documents, run.failures, run.touched);
    }

    private static final class Run {
        final ImportStats stats = new ImportStats();
        final List<String> failures = new ArrayList<>();
        final Set<String> touched = new LinkedHashSet<>();
        int documents;
    }

    private void importFile(Path file, Source forced, boolean bundle, boolean inDirectory, Run run) throws IOException {
        String name = file.toString();
        FeedDetector.Detection detection;
        try {
            detection = FeedDetector.detect(file);
        } catch (DamagedGzipException e) {
            run.failures.add(e.getMessage());
            listener.documentFailed(name, e.getMessage());
            return;
        }
        if (bundle || (detection.format() == FeedFormat.ZIP && forced == null && isBundle(file))) {
            importBundle(file, run);
            return;
        }
        if (detection.format() == FeedFormat.ZIP) {
            if (forced != null && forced != Source.OSV) {
                fail(run, Source.OSV, name, "zip は OSV の all.zip（形式 osv）かオフライン一括ファイル（形式 bundle）に限ります / a zip archive can only be an OSV all.zip (format osv) or an offline bundle (format bundle)");
                return;
            }
            importOsvArchive(file, run);
            return;
        }
        Source source = forced != null ? forced : detection.source();
        if (source == null) {
            if (inDirectory) {
                listener.skipped(name, detection.reason());
                return;
            }
            run.failures.add(name + ": 形式を判別できません / cannot tell the feed format (" + detection.reason()
                    + ")。形式を指定してください / choose the format: nvd | cve5 | jvn | kev | epss | osv | csaf | openvex | bundle");
            return;
        }
        listener.documentStarted(name, source.key());
        try (InputStream in = FeedInputs.open(file)) {
            FeedImporter.DocumentResult r = importer.importDocument(FeedParsers.forSource(source), in, name,
                    n -> listener.records(name, n));
            run.stats.add(r.stats());
            run.touched.addAll(r.touchedVulnerabilities());
            run.documents++;
            listener.documentDone(r);
        } catch (FeedFormatException e) {
            run.failures.add(e.getMessage());
            listener.documentFailed(name, e.getMessage());
        } catch (DamagedGzipException e) {
            importer.recordFailure(source, clock.instant(), e.getMessage());
            run.failures.add(e.getMessage());
            listener.documentFailed(name, e.getMessage());
        } catch (IOException e) {
            fail(run, source, name, e.getMessage());
        }
    }

    private void fail(Run run, Source source, String name, String message) {
        String text = name + ": " + message;
        importer.recordFailure(source, clock.instant(), text);
        run.failures.add(text);
        listener.documentFailed(name, text);
    }

    private static boolean isBundle(Path zip) {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getEntry("manifest.json") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The bundle is verified whole as a stream (nothing written), then each document is written to a temporary
     * folder, imported and deleted before the next: a refused bundle imports nothing and leaves no files.
     */
    private void importBundle(Path file, Run run) throws IOException {
        Path dir = tempRoot == null ? Files.createTempDirectory("mamori-bundle-") : Files.createTempDirectory(tempRoot, "mamori-bundle-");
        try (BundleReader.Verified bundle = BundleReader.verify(file, bundleLimits, dir)) {
            int i = 0;
            for (BundleManifest.Entry entry : bundle.documents()) {
                Path one = dir.resolve(Integer.toString(i++));
                try {
                    BundleReader.Document d = bundle.extract(entry, one);
                    importFile(d.file(), d.source(), false, false, run);
                } finally {
                    deleteTree(one);
                }
            }
        } catch (BundleException e) {
            run.failures.add(e.getMessage());
            listener.documentFailed(file.toString(), e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    /** Each archive entry is one document with its own transaction; a malformed entry stops the archive. */
    private void importOsvArchive(Path zip, Run run) throws IOException {
        listener.documentStarted(zip.toString(), Source.OSV.key());
        Instant now = clock.instant();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            final KnowledgeBaseWriter[] current = new KnowledgeBaseWriter[1];
            try {
                new OsvArchiveReader().read(zip, new OsvArchiveReader.EntryListener() {
                    @Override
                    public FeedSink begin(String documentName) {
                        try {
                            current[0] = new KnowledgeBaseWriter(c, SqlDialect.of(database.settings()), now, null);
                        } catch (SQLException e) {
                            throw new KnowledgeBaseException("cannot store " + documentName + ": " + e.getMessage(), e);
                        }
                        return current[0];
                    }

                    @Override
                    public void end(String documentName) {
                        try (KnowledgeBaseWriter w = current[0]) {
                            w.flush();
                            c.commit();
                            run.stats.add(w.stats());
                            run.touched.addAll(w.touchedVulnerabilities());
                            run.documents++;
                            listener.records(zip.toString(), run.documents);
                        } catch (SQLException e) {
                            throw new KnowledgeBaseException("cannot store " + documentName + ": " + e.getMessage(), e);
                        }
                    }
                });
                FeedImporter.recordSuccess(c, Source.OSV, now);
                c.commit();
            } catch (FeedFormatException e) {
                c.rollback();
                importer.recordFailure(Source.OSV, now, e.getMessage());
                run.failures.add(e.getMessage());
                listener.documentFailed(zip.toString(), e.getMessage());
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new KnowledgeBaseException("database error during OSV archive import: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans them up eventually
        }
    }
}
