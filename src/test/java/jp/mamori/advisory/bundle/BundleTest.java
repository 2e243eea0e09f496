package jp.mamori.advisory.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jp.mamori.advisory.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleTest {

    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC);
    private static final String NVD_PAGE = "feeds/nvd/modified-20261110T000000Z_20261120T030000Z/cves-0000000.json";

    @TempDir
    Path tmp;
    private Path cache;
    private Path bundle;
    private Path target;

    @BeforeEach
    void setUp() throws Exception {
        cache = tmp.resolve("data/feeds");
        bundle = tmp.resolve("out/mamori-feeds.zip");
        target = tmp.resolve("import");
        put("kev/known_exploited_vulnerabilities.json", resource("kev/known_exploited_vulnerabilities.json"), T0.plusSeconds(1));
        put("epss/epss_scores-current.csv.gz", resource("epss/epss_scores-current.csv"), T0.plusSeconds(2));
        put("nvd/modified-20261110T000000Z_20261120T030000Z/cves-0000000.json", resource("nvd/page-0.json"), T0.plusSeconds(3));
        put("nvd/modified-20261110T000000Z_20261120T030000Z/cves-0000001.json", resource("nvd/page-1.json"), T0.plusSeconds(4));
        put("jvn/20261113_20261120/p000001-0-overview.xml", resource("jvn/overview-1.xml"), T0.plusSeconds(5));
        put("jvn/20261113_20261120/p000001-1-detail-01.xml", resource("jvn/detail-1.xml"), T0.plusSeconds(6));
        put("osv/Maven/all.zip", resource("osv/GHSA-jfh8-c2jp-5v3q.json"), T0.plusSeconds(7));
        put("nvd/.tmp-0a1b.part", "half a download".getBytes(), T0.plusSeconds(8));
    }

    private void put(String relative, byte[] content, Instant fetchedAt) throws IOException {
        Path p = cache.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        Files.setLastModifiedTime(p, FileTime.from(fetchedAt));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BundleTest.class.getResourceAsStream("/sync/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripKeepsEveryByteAndImportsNvdFirst() throws Exception {
        BundleManifest written = BundleWriter.write(cache, bundle, CLOCK);

        assertThat(written.files()).extracting(BundleManifest.Entry::path).containsExactly(
                NVD_PAGE,
                "feeds/nvd/modified-20261110T000000Z_20261120T030000Z/cves-0000001.json",
                "feeds/jvn/20261113_20261120/p000001-0-overview.xml",
                "feeds/jvn/20261113_20261120/p000001-1-detail-01.xml",
                "feeds/osv/Maven/all.zip",
                "feeds/kev/known_exploited_vulnerabilities.json",
                "feeds/epss/epss_scores-current.csv.gz");
        assertThat(written.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(bundle.getParent()).isDirectoryNotContaining("glob:**.part");
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            String manifest = new String(z.getInputStream(z.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"format\" : \"mamori-feed-bundle\"").contains("\"formatVersion\" : 1")
                    .contains("\"sha256\" : \"" + sha256(resource("nvd/page-0.json")) + "\"")
                    .contains("\"fetchedAt\" : \"2026-11-20T03:00:03Z\"");
        }

        List<BundleReader.Document> docs = BundleReader.verifyAndExtract(bundle, target, BundleReader.Limits.defaults());

        assertThat(docs).extracting(BundleReader.Document::source)
                .containsExactly(Source.NVD, Source.NVD, Source.JVN, Source.JVN, Source.OSV, Source.KEV, Source.EPSS);
        assertThat(docs.get(0).file()).isEqualTo(target.resolve(NVD_PAGE));
        assertThat(Files.readAllBytes(docs.get(0).file())).isEqualTo(resource("nvd/page-0.json"));
        assertThat(Files.readAllBytes(docs.get(6).file())).isEqualTo(resource("epss/epss_scores-current.csv"));
        assertThat(docs.get(0).fetchedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(Files.getLastModifiedTime(docs.get(0).file()).toInstant()).isEqualTo(T0.plusSeconds(3));
        assertThat(target.resolve("feeds/nvd/.tmp-0a1b.part")).doesNotExist();
    }

    @Test
    void anIncrementalBundleCarriesOnlyFilesFetchedSince() throws Exception {
        BundleManifest m = BundleWriter.write(cache, bundle, CLOCK, T0.plusSeconds(6));
        assertThat(m.files()).extracting(BundleManifest.Entry::source).containsExactly(Source.JVN, Source.OSV);
        assertThatThrownBy(() -> BundleWriter.write(cache, bundle, CLOCK, T0.plusSeconds(3600)))
                .isInstanceOf(BundleException.class).hasMessageContaining("no feed documents to pack");
    }

    /** Copies a bundle, letting {@code change} alter entry contents; the manifest is kept as it was. */
    private Path rewrite(Path source, Map<String, byte[]> replace, Map<String, byte[]> add, List<String> drop) throws IOException {
        Path out = tmp.resolve("tampered-" + System.nanoTime() + ".zip");
        try (ZipFile in = new ZipFile(source.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : in.stream().toList()) {
                if (drop.contains(e.getName())) continue;
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(replace.containsKey(e.getName()) ? replace.get(e.getName()) : in.getInputStream(e).readAllBytes());
                z.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : add.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    private void assertRefusedAndNothingExtracted(Path bad, BundleReader.Limits limits, String... messageParts) throws IOException {
        assertThatThrownBy(() -> BundleReader.verifyAndExtract(bad, target, limits))
                .isInstanceOf(BundleException.class)
                .satisfies(e -> {
                    for (String part : messageParts) assertThat(e.getMessage()).contains(part);
                    assertThat(e.getMessage()).contains(bad.toString());
                });
        if (Files.exists(target)) {
            try (Stream<Path> s = Files.list(target)) {
                assertThat(s).as("nothing of a refused bundle stays extracted").isEmpty();
            }
        }
    }

    @Test
    void aFileWithOneChangedByteIsRefused() throws Exception {
        BundleWriter.write(cache, bundle, CLOCK);
        byte[] page = resource("nvd/page-1.json");
        page[page.length / 2] ^= 0x01;
        Path bad = rewrite(bundle, Map.of("feeds/nvd/modified-20261110T000000Z_20261120T030000Z/cves-0000001.json", page), Map.of(), List.of());

        assertRefusedAndNothingExtracted(bad, BundleReader.Limits.defaults(),
                "entry 'feeds/nvd/modified-20261110T000000Z_20261120T030000Z/cves-0000001.json'", "SHA-256 differs from the manifest");
    }

    @Test
    void aFileOfAnotherSizeIsRefused() throws Exception {
        BundleWriter.write(cache, bundle, CLOCK);
        byte[] kev = resource("kev/known_exploited_vulnerabilities.json");
        Path shorter = rewrite(bundle, Map.of("feeds/kev/known_exploited_vulnerabilities.json", java.util.Arrays.copyOf(kev, kev.length - 1)),
                Map.of(), List.of());
        assertRefusedAndNothingExtracted(shorter, BundleReader.Limits.defaults(), "feeds/kev/known_exploited_vulnerabilities.json",
                "differs from the manifest's");
        Path longer = rewrite(bundle, Map.of("feeds/kev/known_exploited_vulnerabilities.json", java.util.Arrays.copyOf(kev, kev.length + 1)),
                Map.of(), List.of());
        assertRefusedAndNothingExtracted(longer, BundleReader.Limits.defaults(), "more than its declared size");
    }

    @Test
    void anUnlistedExtraFileIsRefused() throws Exception {
        BundleWriter.write(cache, bundle, CLOCK);
        Path bad = rewrite(bundle, Map.of(), Map.of("feeds/nvd/extra.json", "{}".getBytes()), List.of());

        assertRefusedAndNothingExtracted(bad, BundleReader.Limits.defaults(), "entry 'feeds/nvd/extra.json'", "is not listed in manifest.json");
    }

    @Test
    void aListedFileThatIsMissingIsRefused() throws Exception {
        BundleWriter.write(cache, bundle, CLOCK);
        Path bad = rewrite(bundle, Map.of(), Map.of(), List.of("feeds/osv/Maven/all.zip"));

        assertRefusedAndNothingExtracted(bad, BundleReader.Limits.defaults(), "entry 'feeds/osv/Maven/all.zip'",
                "listed in manifest.json but missing");
    }

    @Test
    void aMissingOrBrokenManifestIsRefused() throws Exception {
        BundleWriter.write(cache, bundle, CLOCK);
        assertRefusedAndNothingExtracted(rewrite(bundle, Map.of(), Map.of(), List.of("manifest.json")),
                BundleReader.Limits.defaults(), "manifest.json", "missing");
        assertRefusedAndNothingExtracted(rewrite(bundle, Map.of("manifest.json", "{\"format\": ".getBytes()), Map.of(), List.of()),
                BundleReader.Limits.defaults(), "manifest.json", "not valid JSON");
        assertRefusedAndNothingExtracted(rewrite(bundle,
                        Map.of("manifest.json", "{\"format\":\"mamori-feed-bundle\",\"formatVersion\":2,\"createdAt\":\"2030-01-01T00:00:00Z\",\"files\":[]}".getBytes()),
                        Map.of(), List.of()),
                BundleReader.Limits.defaults(), "made by a newer Mamori");
        assertRefusedAndNothingExtracted(rewrite(bundle, Map.of("manifest.json", "[1, 2]".getBytes()), Map.of(), List.of()),
                BundleReader.Limits.defaults(), "not a JSON object");
    }

    /** A hand-made bundle: the given entries and a manifest that lists {@code listed} with the given sizes. */
    private Path craft(Map<String, byte[]> entries, Map<String, Long> declaredSizes) throws Exception {
        Path out = tmp.resolve("crafted-" + System.nanoTime() + ".zip");
        StringBuilder files = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (files.length() > 0) files.append(',');
            String source = e.getKey().startsWith("feeds/") ? e.getKey().split("/")[1] : "nvd";
            long size = declaredSizes.getOrDefault(e.getKey(), (long) e.getValue().length);
            files.append("{\"path\":\"").append(e.getKey().replace("\\", "\\\\")).append("\",\"source\":\"").append(source)
                    .append("\",\"fetchedAt\":\"2026-11-20T03:00:00Z\",\"size\":").append(size)
                    .append(",\"sha256\":\"").append(sha256(e.getValue())).append("\"}");
        }
        String manifest = "{\"format\":\"mamori-feed-bundle\",\"formatVersion\":1,\"createdAt\":\"2026-11-20T06:00:00Z\",\"files\":[" + files + "]}";
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds/nvd/../../../evil.json", "../evil.json", "/etc/cron.d/evil", "feeds\\nvd\\evil.json",
            "C:/Windows/evil.json", "feeds/nvd/./x.json", "feeds//nvd/x.json", "feeds/nvd/.hidden.json"})
    void pathTraversalAndOddNamesAreRefused(String name) throws Exception {
        Path bad = craft(Map.of(name, "{}".getBytes()), Map.of());

        assertRefusedAndNothingExtracted(bad, BundleReader.Limits.defaults(), "entry '");
        assertThat(tmp.resolve("evil.json")).doesNotExist();
        assertThat(tmp.getParent().resolve("evil.json")).doesNotExist();
    }

    @Test
    void aZipBombIsStoppedOnTheBytesActuallyDecompressed() throws Exception {
        Path bomb = tmp.resolve("bomb.zip");
        long size = 200L * 1024 * 1024;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < size / zeros.length; i++) md.update(zeros);
        String sha = HexFormat.of().formatHex(md.digest());
        writeBomb(bomb, size, size, sha);
        assertThat(Files.size(bomb)).as("200 MB of zeros compress to well under 1 MB").isLessThan(1 << 20);
        BundleReader.Limits small = new BundleReader.Limits(100, 10L << 20, 20L << 20, 1 << 20);

        // honest manifest: refused before anything is decompressed
        assertRefusedAndNothingExtracted(bomb, small, "feeds/nvd/bomb.json", "declared size 209715200 exceeds the limit of 10485760 bytes");

        // lying manifest (and central directory sizes do not matter): refused on the decompressed bytes
        Path liar = tmp.resolve("liar.zip");
        writeBomb(liar, size, 4096, sha);
        assertRefusedAndNothingExtracted(liar, small, "feeds/nvd/bomb.json", "more than its declared size of 4096 bytes");
        assertRefusedAndNothingExtracted(liar, BundleReader.Limits.defaults(), "feeds/nvd/bomb.json", "more than its declared size");
    }

    private static void writeBomb(Path out, long size, long declared, String sha) throws IOException {
        String manifest = "{\"format\":\"mamori-feed-bundle\",\"formatVersion\":1,\"createdAt\":\"2026-11-20T06:00:00Z\",\"files\":["
                + "{\"path\":\"feeds/nvd/bomb.json\",\"source\":\"nvd\",\"fetchedAt\":\"2026-11-20T03:00:00Z\",\"size\":" + declared
                + ",\"sha256\":\"" + sha + "\"}]}";
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("feeds/nvd/bomb.json"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) z.write(zeros);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    @Test
    void theTotalSizeIsBounded() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("feeds/nvd/a.json", new byte[600]);
        entries.put("feeds/nvd/b.json", new byte[600]);
        Path two = craft(entries, Map.of());
        assertRefusedAndNothingExtracted(two, new BundleReader.Limits(100, 1000, 1000, 1 << 20), "declared total size 1200 exceeds the limit");
        // a manifest that understates the sizes does not help
        Path liar = craft(entries, Map.of("feeds/nvd/a.json", 600L, "feeds/nvd/b.json", 300L));
        assertRefusedAndNothingExtracted(liar, new BundleReader.Limits(100, 1000, 1000, 1 << 20), "feeds/nvd/b.json");
    }

    @Test
    void tooManyEntriesAreRefusedBeforeReadingThem() throws Exception {
        BundleWriter.write(cache, bundle, CLOCK);
        assertRefusedAndNothingExtracted(bundle, new BundleReader.Limits(3, 1 << 30, 1L << 31, 1 << 20), "too many entries: 8 (limit 3)");
    }

    @Test
    void symbolicLinkEntriesAreRefused() throws Exception {
        Path link = craft(Map.of("feeds/nvd/link.json", "/etc/passwd".getBytes()), Map.of());
        markAsUnixSymlink(link, "feeds/nvd/link.json");

        assertRefusedAndNothingExtracted(link, BundleReader.Limits.defaults(), "entry 'feeds/nvd/link.json'", "symbolic link");
    }

    @Test
    void namesThatDifferOnlyInCaseAreRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("feeds/nvd/Page.json", "{}".getBytes());
        entries.put("feeds/nvd/page.json", "{}".getBytes());
        assertRefusedAndNothingExtracted(craft(entries, Map.of()), BundleReader.Limits.defaults(), "only in case");
    }

    @Test
    void aManifestEntryMustSitUnderItsSource() throws Exception {
        Path bad = tmp.resolve("mislabelled.zip");
        String manifest = "{\"format\":\"mamori-feed-bundle\",\"formatVersion\":1,\"createdAt\":\"2026-11-20T06:00:00Z\",\"files\":["
                + "{\"path\":\"feeds/nvd/x.json\",\"source\":\"kev\",\"fetchedAt\":\"2026-11-20T03:00:00Z\",\"size\":2,"
                + "\"sha256\":\"" + sha256("{}".getBytes()) + "\"}]}";
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bad))) {
            z.putNextEntry(new ZipEntry("feeds/nvd/x.json"));
            z.write("{}".getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertRefusedAndNothingExtracted(bad, BundleReader.Limits.defaults(), "/files/0/path", "is not under feeds/kev/");
    }

    @Test
    void theTargetMustBeEmptyAndAnythingThatIsNotAZipIsRefused() throws Exception {
        BundleWriter.write(cache, bundle, CLOCK);
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "user data");
        assertThatThrownBy(() -> BundleReader.verifyAndExtract(bundle, target, BundleReader.Limits.defaults()))
                .isInstanceOf(BundleException.class).hasMessageContaining("is not empty");
        assertThat(target.resolve("keep.txt")).hasContent("user data");

        Path notZip = tmp.resolve("feeds.zip");
        Files.writeString(notZip, "<html>proxy error</html>");
        assertThatThrownBy(() -> BundleReader.verifyAndExtract(notZip, tmp.resolve("t2"), BundleReader.Limits.defaults()))
                .isInstanceOf(BundleException.class).hasMessageContaining("not a zip file");
    }

    @Test
    void theWriterNeedsSomethingToPackAndWritesNothingInsideTheCache() throws Exception {
        assertThatThrownBy(() -> BundleWriter.write(tmp.resolve("nowhere"), bundle, CLOCK))
                .isInstanceOf(BundleException.class).hasMessageContaining("no feed cache");
        assertThatThrownBy(() -> BundleWriter.write(cache, cache.resolve("nvd/b.zip"), CLOCK))
                .isInstanceOf(BundleException.class).hasMessageContaining("must not be written inside the feed cache");
    }

    /** Sets "made by Unix" and S_IFLNK in the central directory record of {@code name}. */
    private static void markAsUnixSymlink(Path zip, String name) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i + 46 + n.length <= b.length; i++) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x01 && b[i + 3] == 0x02
                    && java.util.Arrays.equals(b, i + 46, i + 46 + n.length, n, 0, n.length)) {
                hits.add(i);
            }
        }
        assertThat(hits).hasSize(1);
        int p = hits.get(0);
        b[p + 4] = 20;
        b[p + 5] = 3; // made by: Unix
        int attrs = 0120777 << 16;
        b[p + 38] = (byte) attrs;
        b[p + 39] = (byte) (attrs >>> 8);
        b[p + 40] = (byte) (attrs >>> 16);
        b[p + 41] = (byte) (attrs >>> 24);
        Files.write(zip, b);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
