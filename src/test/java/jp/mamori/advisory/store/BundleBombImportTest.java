package jp.mamori.advisory.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.mamori.advisory.bundle.BundleReader;
import jp.mamori.persistence.Database;
import jp.mamori.testsupport.TestDatabases;
import jp.mamori.testsupport.TestDatabases.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 18.8: a small bundle that inflates hugely (generated here: 64 MiB of zeros deflate to ~64 KB) is refused
 * with a clear message before anything is written or imported, and the temporary folder is left empty.
 */
class BundleBombImportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);
    private static final long BOMB = 64L << 20;

    @TempDir
    Path tmp;

    /** One entry of a crafted bundle: either bytes, or {@code zeros} bytes of zeros, or {@code random} random bytes. */
    record Part(String path, String source, byte[] bytes, long zeros, long random) {
        static Part of(String path, String source, byte[] bytes) { return new Part(path, source, bytes, 0, 0); }
        static Part zeros(String path, String source, long n) { return new Part(path, source, null, n, 0); }
        static Part random(String path, String source, long n) { return new Part(path, source, null, 0, n); }

        void write(OutputStream out, MessageDigest md) throws IOException {
            if (bytes != null) {
                out.write(bytes);
                md.update(bytes);
                return;
            }
            byte[] buf = new byte[1 << 20];
            Random r = new Random(42);
            long n = zeros + random;
            for (long done = 0; done < n; done += buf.length) {
                int len = (int) Math.min(buf.length, n - done);
                if (random > 0) r.nextBytes(buf);
                out.write(buf, 0, len);
                md.update(buf, 0, len);
            }
        }

        long size() { return bytes != null ? bytes.length : zeros + random; }
    }

    /** A bundle with an honest manifest (true sizes and SHA-256), as an attacker who knows the format makes it. */
    private Path bundle(String name, Part... parts) throws Exception {
        Path out = tmp.resolve(name);
        List<String> listed = new ArrayList<>();
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            z.setLevel(9);
            for (Part p : parts) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                z.putNextEntry(new ZipEntry(p.path()));
                p.write(z, md);
                z.closeEntry();
                listed.add("{\"path\":\"" + p.path() + "\",\"source\":\"" + p.source() + "\",\"fetchedAt\":\"2026-12-02T00:00:00Z\","
                        + "\"size\":" + p.size() + ",\"sha256\":\"" + HexFormat.of().formatHex(md.digest()) + "\"}");
            }
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(("{\"format\":\"mamori-feed-bundle\",\"formatVersion\":1,\"createdAt\":\"2026-12-02T00:00:00Z\",\"files\":["
                    + String.join(",", listed) + "]}").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out;
    }

    private static byte[] kev() throws IOException {
        try (InputStream in = BundleBombImportTest.class.getResourceAsStream("/sync/kev/known_exploited_vulnerabilities.json")) {
            return in.readAllBytes();
        }
    }

    private static final String KEV = "feeds/kev/known_exploited_vulnerabilities.json";

    private FeedFileImporter.Summary importBundle(Database db, Path bundle, Path work, BundleReader.Limits limits) throws IOException {
        return new FeedFileImporter(db, CLOCK, null, work, limits).importPaths(List.of(bundle), null, true);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSmallBundleThatInflatesHugelyIsRefusedBeforeAnythingIsWrittenOrImported(Kind kind) throws Exception {
        Path bomb = bundle("bomb.zip", Part.of(KEV, "kev", kev()), Part.zeros("feeds/nvd/page-0.json", "nvd", BOMB));
        assertThat(Files.size(bomb)).as("the bundle is small").isLessThan(1 << 20);
        Path work = Files.createDirectories(tmp.resolve("work"));
        try (Database db = Database.open(TestDatabases.settings(kind))) {
            FeedFileImporter.Summary s = importBundle(db, bomb, work, BundleReader.Limits.defaults());

            assertThat(s.failed()).isTrue();
            assertThat(s.failures()).singleElement().asString()
                    .contains(bomb.toString())
                    .contains("展開後のサイズが入力の 100 倍を超えます（圧縮爆弾の疑い）")
                    .contains("declared total size " + (BOMB + kev().length))
                    .contains("nothing was imported");
            assertThat(s.documents()).isZero();
            assertThat(count(db, "kev_entry")).as("not even the honest KEV document").isZero();
            assertThat(entries(work)).as("no temporary files left").isEmpty();
        }
    }

    @Test
    void aBombBesideABigIncompressibleFileIsCaughtByItsOwnCompressedSize() throws Exception {
        // 2 MiB of random bytes make the whole bundle 2 MiB, so 64 MiB in all is "only" 33 times the bundle's size;
        // the zeros entry alone inflates about 1000 times its compressed bytes.
        Path bomb = bundle("hidden.zip", Part.random("feeds/osv/Maven/all.zip", "osv", 2L << 20),
                Part.zeros("feeds/nvd/page-0.json", "nvd", BOMB));
        Path work = Files.createDirectories(tmp.resolve("work"));
        try (Database db = Database.open(TestDatabases.h2())) {
            FeedFileImporter.Summary s = importBundle(db, bomb, work, BundleReader.Limits.defaults());

            assertThat(s.failures()).singleElement().asString()
                    .contains("entry 'feeds/nvd/page-0.json'").contains("圧縮爆弾の疑い").contains("declared size " + BOMB);
            assertThat(count(db, "kev_entry")).isZero();
            assertThat(entries(work)).isEmpty();
        }
    }

    @Test
    void aBundleThatDoesNotFitOnTheDiskIsRefusedWithoutWritingAnything() throws Exception {
        Path honest = bundle("honest.zip", Part.of(KEV, "kev", kev()));
        Path work = Files.createDirectories(tmp.resolve("work"));
        // a disk that is (as good as) full: the reserve to keep free exceeds what any disk has
        BundleReader.Limits fullDisk = BundleReader.Limits.defaults().withReserve(Long.MAX_VALUE / 4);
        try (Database db = Database.open(TestDatabases.h2())) {
            FeedFileImporter.Summary s = importBundle(db, honest, work, fullDisk);

            assertThat(s.failures()).singleElement().asString()
                    .contains(honest.toString()).contains("ディスクの空き容量が不足しています / not enough free disk space")
                    .contains("nothing was imported");
            assertThat(count(db, "kev_entry")).isZero();
            assertThat(entries(work)).isEmpty();
        }
    }

    @Test
    void anHonestBundleImportsOneDocumentAtATimeAndLeavesNoFiles() throws Exception {
        Path honest = bundle("honest.zip", Part.of(KEV, "kev", kev()));
        Path work = Files.createDirectories(tmp.resolve("work"));
        try (Database db = Database.open(TestDatabases.h2())) {
            FeedFileImporter.Summary s = importBundle(db, honest, work, BundleReader.Limits.defaults());

            assertThat(s.failures()).isEmpty();
            assertThat(s.documents()).isEqualTo(1);
            assertThat(count(db, "kev_entry")).isPositive();
            assertThat(entries(work)).isEmpty();
        }
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static long count(Database db, String table) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
