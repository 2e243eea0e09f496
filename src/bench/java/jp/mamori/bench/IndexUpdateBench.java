package jp.mamori.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import jp.mamori.advisory.index.MatchIndex;
import jp.mamori.advisory.index.MatchIndexes;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.persistence.Database;
import jp.mamori.persistence.DatabaseSettings;

/**
 * The index build after a small import (issue 16: "incrementally where only a few keys changed",
 * ADR 0025): a copy of the NVD-scale knowledge base and its index gets an update in the real feed
 * formats (changed and new NVD records, changed and new OSV advisories), then the index is rebuilt
 * the way an import rebuilds it, and once more from scratch to compare time and bytes. On a copy, so
 * the shared knowledge base the other figures use stays as it was.
 */
final class IndexUpdateBench {

    static final int NVD_CHANGED = 100;
    static final int NVD_NEW = 5;
    static final int OSV_CHANGED = 10;
    static final int OSV_NEW = 2;

    private IndexUpdateBench() { }

    static void run(Path kbDir, Path work, int cves, int packages, double fullSeconds, Figures figures) throws Exception {
        Path copy = work.resolve("kb-index-update");
        Path scratch = work.resolve("kb-index-update-full");
        deleteTree(copy);
        deleteTree(scratch);
        Files.createDirectories(copy);
        try {
            Files.copy(kbDir.resolve("mamori.mv.db"), copy.resolve("mamori.mv.db"));
            Files.copy(kbDir.resolve(MatchIndexes.FILE), copy.resolve(MatchIndexes.FILE), StandardCopyOption.COPY_ATTRIBUTES);
            Path update = work.resolve("feeds-update");
            deleteTree(update);
            SyntheticFeeds.writeNvdUpdate(update.resolve("nvd"), spread(cves, NVD_CHANGED, NVD_NEW), 4242, "2026-11-15T08:00:00.000");
            SyntheticFeeds.writeOsvUpdate(update.resolve("osv"), spread(packages, OSV_CHANGED, OSV_NEW), 4343, "2026-11-15T00:00:00Z");
            try (Database db = Database.open(DatabaseSettings.embedded(copy))) {
                long t0 = System.nanoTime();
                FeedFileImporter.Summary s = new FeedFileImporter(db, Clock.systemUTC(), null).importPaths(List.of(update), null, false);
                double importSeconds = (System.nanoTime() - t0) / 1e9;
                MatchIndexes indexes = new MatchIndexes(db.dataSource(), copy);
                MatchIndex incremental = indexes.rebuild();
                MatchIndexes.BuildReport r = indexes.lastBuild().orElseThrow();
                MatchIndexes full = new MatchIndexes(db.dataSource(), scratch);
                full.rebuildFromScratch();
                MatchIndexes.BuildReport f = full.lastBuild().orElseThrow();
                boolean same = Files.mismatch(incremental.file(), full.file()) == -1L;
                System.out.printf(Locale.ROOT, "Index build after a small update (%d changed + %d new NVD records, %d changed + %d new OSV advisories; "
                                + "import %.1f s, %,d statements inserted, %,d updated): %s, %,d statements (%,d parsed, %,d reused) in %.1f s — "
                                + "the full build of the same knowledge base %.1f s, the first full build above %.1f s; target <= 30 s: %s; "
                                + "file identical to the full build's: %s%n",
                        NVD_CHANGED, NVD_NEW, OSV_CHANGED, OSV_NEW, importSeconds, s.stats().inserted, s.stats().updated,
                        r.incremental() ? "incremental" : "full (" + r.fullBecause() + ")", r.statements(), r.parsed(), r.reused(),
                        r.nanos() / 1e9, f.nanos() / 1e9, fullSeconds, r.nanos() / 1e9 <= 30 ? "met" : "NOT met", same ? "yes" : "NO");
                System.out.printf(Locale.ROOT, "    where the time went: incremental %s; full %s%n", r.phases(), f.phases());
                figures.add("index build after a small update", Figures.Goal.AT_MOST, 30, r.nanos() / 1e9, "s",
                        String.format(Locale.ROOT, "%s: %,d parsed, %,d reused; full build of the same data %.1f s", r.incremental() ? "incremental" : "full",
                                r.parsed(), r.reused(), f.nanos() / 1e9));
            }
        } finally {
            deleteTree(copy);
            deleteTree(scratch);
        }
    }

    /** {@code changed} indexes spread over [0, count), then {@code added} new ones from {@code count} on. */
    private static int[] spread(int count, int changed, int added) {
        int[] out = new int[changed + added];
        for (int k = 0; k < changed; k++) out[k] = (int) Math.min(count - 1, (long) k * count / changed + 7);
        for (int k = 0; k < added; k++) out[changed + k] = count + k;
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
