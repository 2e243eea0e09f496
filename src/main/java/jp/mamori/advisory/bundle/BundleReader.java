package jp.mamori.advisory.bundle;

import jp.mamori.intake.JsonLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import jp.mamori.advisory.Source;

/**
 * Checks an offline feed bundle and extracts it, before anything of it reaches the importer
 * ({@code feeds import --source bundle}). Refused, with a {@link BundleException} naming the entry:
 * <ul>
 * <li>not a zip, damaged, encrypted entries; more than {@link Limits#maxEntries()} entries (counted from
 *     the central directory before anything is read);</li>
 * <li>an entry name that is absolute, contains {@code ..}, a backslash, a hidden segment or characters
 *     outside {@code [A-Za-z0-9._~+=@,-]}, or resolves outside the target directory (zip slip); duplicate names;</li>
 * <li>symbolic links and other non-regular entries (Unix file type in the external attributes);</li>
 * <li>{@code manifest.json} missing, too big, not valid JSON, of an unknown format or a newer version;</li>
 * <li>a file not listed in the manifest, or listed but missing;</li>
 * <li>an entry or the total larger than the limits, counted on the bytes actually decompressed (a
 *     declared size is never trusted: zip bombs), and an entry larger or smaller than its declared size;</li>
 * <li>a SHA-256 that differs from the manifest (tampered or damaged);</li>
 * <li>decompressed sizes (declared, and counted) above {@link Limits#maxRatio()} times the bundle's size or an
 *     entry's compressed size (issue 18.8: a 2 MB bundle must not write gigabytes), or above the free disk
 *     space of the working directory minus {@link Limits#reserveBytes()}.</li>
 * </ul>
 * {@link #verify} reads every entry as a stream without writing anything; the importer then writes one
 * document at a time ({@link Verified#extract}) and deletes it after importing it, so a bundle never needs
 * more disk than its largest document. {@link #verifyAndExtract} extracts everything into {@code targetDir}
 * (absent or empty; on any refusal everything extracted is removed again). Documents come in import order
 * (NVD first).
 */
public final class BundleReader {

    /**
     * @param maxEntries       entries in the zip, including manifest and directories
     * @param maxEntryBytes    decompressed bytes of one file
     * @param maxTotalBytes    decompressed bytes of all files
     * @param maxManifestBytes decompressed bytes of manifest.json
     * @param maxRatio         decompressed bytes per byte of the bundle file (and of an entry's compressed
     *                         bytes), above {@code ratioFloorBytes}: real feeds deflate 5–20:1, runs of zeros 1000:1
     * @param ratioFloorBytes  sizes up to which the ratio is not applied (small files compress well)
     * @param reserveBytes     free disk space that must remain in the working directory after writing
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxManifestBytes,
                         int maxRatio, long ratioFloorBytes, long reserveBytes) {
        public Limits {
            if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxManifestBytes < 1 || maxRatio < 1
                    || ratioFloorBytes < 0 || reserveBytes < 0) {
                throw new IllegalArgumentException("bundle limits must be positive");
            }
        }

        public Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxManifestBytes) {
            this(maxEntries, maxEntryBytes, maxTotalBytes, maxManifestBytes, DEFAULT_RATIO, DEFAULT_RATIO_FLOOR, DEFAULT_RESERVE);
        }

        /**
         * 200 000 entries, 4 GiB per file, 32 GiB in all, 64 MiB manifest: a full NVD + OSV bundle fits;
         * at most 100 times the bundle's own size (above 16 MiB); 256 MiB of disk left free.
         */
        public static Limits defaults() {
            return new Limits(200_000, 4L << 30, 32L << 30, 64L << 20);
        }

        /** The same limits, keeping {@code bytes} of free disk space. */
        public Limits withReserve(long bytes) {
            return new Limits(maxEntries, maxEntryBytes, maxTotalBytes, maxManifestBytes, maxRatio, ratioFloorBytes, bytes);
        }

        /** Decompressed bytes allowed for {@code compressed} input bytes. */
        long inflatedBound(long compressed) {
            long byRatio = compressed > Long.MAX_VALUE / maxRatio ? Long.MAX_VALUE : compressed * maxRatio;
            return Math.max(ratioFloorBytes, byRatio);
        }
    }

    public static final int DEFAULT_RATIO = 100;
    public static final long DEFAULT_RATIO_FLOOR = 16L << 20;
    public static final long DEFAULT_RESERVE = 256L << 20;

    /** One verified, extracted document. */
    public record Document(Source source, Path file, String path, Instant fetchedAt, long size) { }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    private BundleReader() { }

    /**
     * Verifies the whole bundle and extracts it into {@code targetDir} (absent or empty); on any refusal
     * nothing stays there. Needs the free disk space of every document at once: {@link #verify} and
     * {@link Verified#extract} one document at a time need only the largest.
     */
    public static List<Document> verifyAndExtract(Path bundleFile, Path targetDir, Limits limits) throws BundleException, IOException {
        String bundle = bundleFile.toString();
        if (!Files.isRegularFile(bundleFile)) throw new BundleException(bundle, null, "no such file");
        Path parent = targetDir.toAbsolutePath().normalize().getParent();
        try (Verified v = verify(bundleFile, limits, parent == null ? targetDir.toAbsolutePath() : parent, true)) {
            Path target = prepareTarget(bundle, targetDir);
            boolean ok = false;
            try {
                List<Document> docs = new ArrayList<>();
                for (BundleManifest.Entry f : v.documents()) docs.add(v.extract(f, target));
                ok = true;
                return docs;
            } finally {
                if (!ok) deleteContents(target);
            }
        }
    }

    /**
     * Checks the bundle without writing anything: the directory, the manifest, the declared sizes against the
     * limits, against {@link Limits#maxRatio} times the bundle's (and each entry's compressed) size, and against
     * the free space of {@code workDir}; then every entry is decompressed as a stream, counted and hashed
     * (stopping at the first byte over a bound). The result extracts one document at a time.
     */
    public static Verified verify(Path bundleFile, Limits limits, Path workDir) throws BundleException, IOException {
        return verify(bundleFile, limits, workDir, false);
    }

    private static Verified verify(Path bundleFile, Limits limits, Path workDir, boolean wholeOnDisk) throws BundleException, IOException {
        String bundle = bundleFile.toString();
        if (!Files.isRegularFile(bundleFile)) throw new BundleException(bundle, null, "no such file");

        // 1. The central directory, read by us: entry count, names, types, before anything is decompressed.
        List<ZipDirectory.Entry> directory;
        try {
            directory = ZipDirectory.read(bundleFile, limits.maxEntries());
        } catch (ZipDirectory.ZipFormatException e) {
            throw new BundleException(bundle, null, e.getMessage());
        }
        Set<String> names = new HashSet<>();
        Set<String> folded = new HashSet<>();
        Map<String, ZipDirectory.Entry> fileEntries = new LinkedHashMap<>();
        boolean hasManifest = false;
        for (ZipDirectory.Entry e : directory) {
            String n = e.name();
            String problem = BundlePaths.problem(n);
            if (problem != null) throw new BundleException(bundle, printable(n), problem);
            if (!names.add(n)) throw new BundleException(bundle, n, "appears more than once");
            if (!folded.add(n.toLowerCase(Locale.ROOT))) throw new BundleException(bundle, n, "differs from another entry only in case");
            if (e.encrypted()) throw new BundleException(bundle, n, "encrypted entries are not accepted");
            boolean dir = n.endsWith("/");
            int type = e.unixType();
            if (type != 0 && type != S_IFREG && type != S_IFDIR) {
                throw new BundleException(bundle, n, type == 0120000 ? "symbolic link entries are not accepted" : "not a regular file");
            }
            if (dir != (type == S_IFDIR) && type != 0) throw new BundleException(bundle, n, "entry type does not match its name");
            if (dir) {
                if (!(n.equals(BundleManifest.FEEDS_PREFIX) || n.startsWith(BundleManifest.FEEDS_PREFIX))) {
                    throw new BundleException(bundle, n, "unexpected directory outside feeds/");
                }
                continue;
            }
            if (n.equals(BundleManifest.MANIFEST_NAME)) {
                hasManifest = true;
            } else {
                fileEntries.put(n, e);
            }
        }
        if (!hasManifest) throw new BundleException(bundle, BundleManifest.MANIFEST_NAME, "missing: not a Mamori feed bundle");

        ZipFile zip;
        try {
            zip = new ZipFile(bundleFile.toFile());
        } catch (ZipException e) {
            throw new BundleException(bundle, null, "damaged zip: " + e.getMessage(), e);
        }
        boolean ok = false;
        try {
            if (zip.size() != directory.size()) throw new BundleException(bundle, null, "damaged central directory");
            // 2. The manifest.
            BundleManifest manifest = readManifest(bundle, zip, limits);
            Map<String, BundleManifest.Entry> listed = new LinkedHashMap<>();
            long declaredTotal = 0;
            long largest = 0;
            for (BundleManifest.Entry f : manifest.files()) {
                listed.put(f.path(), f);
                if (f.size() > limits.maxEntryBytes()) {
                    throw new BundleException(bundle, f.path(), "declared size " + f.size() + " exceeds the limit of " + limits.maxEntryBytes() + " bytes");
                }
                declaredTotal += f.size();
                largest = Math.max(largest, f.size());
            }
            if (declaredTotal > limits.maxTotalBytes()) {
                throw new BundleException(bundle, null, "declared total size " + declaredTotal + " exceeds the limit of " + limits.maxTotalBytes() + " bytes");
            }
            long bundleSize = Files.size(bundleFile);
            if (declaredTotal > limits.inflatedBound(bundleSize)) {
                throw new BundleException(bundle, null, bombMessage("declared total size " + declaredTotal, bundleSize, limits));
            }
            // 3. Listed == present.
            for (String n : fileEntries.keySet()) {
                if (!listed.containsKey(n)) throw new BundleException(bundle, n, "is not listed in manifest.json");
            }
            for (String n : listed.keySet()) {
                if (!fileEntries.containsKey(n) || zip.getEntry(n) == null) {
                    throw new BundleException(bundle, n, "is listed in manifest.json but missing from the bundle");
                }
            }
            for (BundleManifest.Entry f : manifest.files()) {
                long compressed = Math.max(0, zip.getEntry(f.path()).getCompressedSize());
                if (f.size() > limits.inflatedBound(compressed)) {
                    throw new BundleException(bundle, f.path(), bombMessage("declared size " + f.size(), compressed, limits));
                }
            }
            // 4. Room on the disk for what will be written (all at once, or the largest document at a time).
            checkFreeSpace(bundle, workDir, wholeOnDisk ? declaredTotal : largest, limits);
            // 5. Every entry decompressed as a stream, counted and hashed; nothing written.
            long[] total = {0};
            for (BundleManifest.Entry f : manifest.files()) {
                copyChecked(bundle, zip, f, limits, total, null);
            }
            List<BundleManifest.Entry> ordered = new ArrayList<>(manifest.files());
            Map<BundleManifest.Entry, Integer> position = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) position.put(ordered.get(i), i);
            ordered.sort(Comparator.comparingInt((BundleManifest.Entry d) -> BundlePaths.rank(d.source())).thenComparingInt(position::get));
            ok = true;
            return new Verified(bundle, zip, ordered, limits);
        } catch (ZipException e) {
            throw new BundleException(bundle, null, "damaged zip: " + e.getMessage(), e);
        } finally {
            if (!ok) zip.close();
        }
    }

    /**
     * A verified bundle, still open: its documents in import order (NVD first), extracted one at a time,
     * each checked again while it is written (a bundle replaced in between is refused, not imported).
     */
    public static final class Verified implements java.io.Closeable {
        private final String bundle;
        private final ZipFile zip;
        private final List<BundleManifest.Entry> documents;
        private final Limits limits;

        private Verified(String bundle, ZipFile zip, List<BundleManifest.Entry> documents, Limits limits) {
            this.bundle = bundle;
            this.zip = zip;
            this.documents = List.copyOf(documents);
            this.limits = limits;
        }

        public List<BundleManifest.Entry> documents() {
            return documents;
        }

        /** Writes one document under {@code dir} (its path in the bundle); on a refusal the file is removed. */
        public Document extract(BundleManifest.Entry f, Path dir) throws BundleException, IOException {
            Path target = dir.toAbsolutePath().normalize();
            Path out = target.resolve(f.path()).normalize();
            if (!out.startsWith(target) || out.equals(target)) throw new BundleException(bundle, f.path(), "resolves outside the target directory");
            Files.createDirectories(out.getParent());
            if (!out.getParent().toRealPath().startsWith(target.toRealPath())) {
                throw new BundleException(bundle, f.path(), "resolves outside the target directory");
            }
            checkFreeSpace(bundle, out.getParent(), f.size(), limits);
            boolean ok = false;
            try {
                try (OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    copyChecked(bundle, zip, f, limits, new long[] {0}, os);
                }
                Files.setLastModifiedTime(out, FileTime.from(f.fetchedAt()));
                ok = true;
                return new Document(f.source(), out, f.path(), f.fetchedAt(), f.size());
            } catch (ZipException e) {
                throw new BundleException(bundle, f.path(), "cannot be decompressed (damaged): " + e.getMessage(), e);
            } finally {
                if (!ok) Files.deleteIfExists(out);
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static String bombMessage(String what, long input, Limits limits) {
        return "展開後のサイズが入力の " + limits.maxRatio() + " 倍を超えます（圧縮爆弾の疑い）/ " + what
                + " bytes is more than " + limits.maxRatio() + " times the " + input
                + " compressed bytes (a decompression bomb); nothing was imported";
    }

    private static void checkFreeSpace(String bundle, Path dir, long needed, Limits limits) throws BundleException, IOException {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        long usable = Files.getFileStore(existing).getUsableSpace();
        if (needed > usable - limits.reserveBytes()) {
            throw new BundleException(bundle, null, "ディスクの空き容量が不足しています / not enough free disk space in " + existing + ": "
                    + needed + " bytes to write and " + limits.reserveBytes() + " to keep free, " + usable + " available; nothing was imported");
        }
    }

    /**
     * Decompresses one entry as a stream, into {@code os} or nowhere, stopping at the first byte over its
     * declared size, the entry limit, the total limit or the ratio to its compressed bytes; then compares
     * size and SHA-256 with the manifest.
     */
    private static void copyChecked(String bundle, ZipFile zip, BundleManifest.Entry f, Limits limits, long[] total, OutputStream os)
            throws BundleException, IOException {
        ZipEntry ze = zip.getEntry(f.path());
        if (ze == null) throw new BundleException(bundle, f.path(), "is listed in manifest.json but missing from the bundle");
        long cap = Math.min(Math.min(f.size(), limits.maxEntryBytes()), limits.inflatedBound(Math.max(0, ze.getCompressedSize())));
        byte[] buf = new byte[128 * 1024];
        long size = 0;
        MessageDigest md = BundleWriter.sha256();
        try (InputStream in = zip.getInputStream(ze)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                size += n;
                total[0] += n;
                if (size > limits.maxEntryBytes()) {
                    throw new BundleException(bundle, f.path(), "decompresses to more than the limit of " + limits.maxEntryBytes() + " bytes");
                }
                if (size > f.size()) {
                    throw new BundleException(bundle, f.path(), "decompresses to more than its declared size of " + f.size()
                            + " bytes (tampered, or a decompression bomb)");
                }
                if (size > cap) {
                    throw new BundleException(bundle, f.path(), bombMessage("more than " + cap, Math.max(0, ze.getCompressedSize()), limits));
                }
                if (total[0] > limits.maxTotalBytes()) {
                    throw new BundleException(bundle, f.path(), "the bundle decompresses to more than the limit of " + limits.maxTotalBytes() + " bytes");
                }
                md.update(buf, 0, n);
                if (os != null) os.write(buf, 0, n);
            }
        } catch (ZipException e) {
            throw new BundleException(bundle, f.path(), "cannot be decompressed (damaged): " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new BundleException(bundle, f.path(), "ends early (damaged or truncated bundle)", e);
        }
        if (size != f.size()) {
            throw new BundleException(bundle, f.path(), "size " + size + " differs from the manifest's " + f.size() + " (tampered or damaged)");
        }
        String sha = HexFormat.of().formatHex(md.digest());
        if (!sha.equals(f.sha256())) {
            throw new BundleException(bundle, f.path(), "SHA-256 differs from the manifest (tampered or damaged)");
        }
    }

    private static BundleManifest readManifest(String bundle, ZipFile zip, Limits limits) throws BundleException, IOException {
        String m = BundleManifest.MANIFEST_NAME;
        ZipEntry entry = zip.getEntry(m);
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxManifestBytes() + 1));
        } catch (ZipException e) {
            throw new BundleException(bundle, m, "cannot be decompressed: " + e.getMessage(), e);
        }
        if (bytes.length > limits.maxManifestBytes()) {
            throw new BundleException(bundle, m, "larger than the limit of " + limits.maxManifestBytes() + " bytes");
        }
        JsonFactory factory = JsonLimits.strict(32).factory();
        ObjectMapper json = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BundleException(bundle, m, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new BundleException(bundle, m, "not a JSON object");
        if (!BundleManifest.FORMAT.equals(root.path("format").asText(null))) {
            throw new BundleException(bundle, m, "/format is not \"" + BundleManifest.FORMAT + "\"");
        }
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.isIntegralNumber()) throw new BundleException(bundle, m, "/formatVersion missing or not an integer");
        if (v.asInt() > BundleManifest.FORMAT_VERSION) {
            throw new BundleException(bundle, m, "format version " + v.asInt() + " was made by a newer Mamori; upgrade Mamori to import it");
        }
        if (v.asInt() < 1) throw new BundleException(bundle, m, "/formatVersion " + v.asInt() + " is invalid");
        Instant created = instant(bundle, "/createdAt", root.get("createdAt"));
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) throw new BundleException(bundle, m, "/files missing or not an array");
        List<BundleManifest.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String ptr = "/files/" + i;
            JsonNode f = files.get(i);
            if (!f.isObject()) throw new BundleException(bundle, m, ptr + " is not an object");
            String path = string(bundle, ptr + "/path", f.get("path"));
            String problem = BundlePaths.problem(path);
            if (problem != null || path.endsWith("/")) {
                throw new BundleException(bundle, m, ptr + "/path '" + printable(path) + "': " + (problem == null ? "a directory" : problem));
            }
            String sourceKey = string(bundle, ptr + "/source", f.get("source"));
            Source source;
            try {
                source = Source.fromKey(sourceKey);
            } catch (IllegalArgumentException e) {
                throw new BundleException(bundle, m, ptr + "/source: unknown source '" + printable(sourceKey) + "'");
            }
            if (!path.startsWith(BundleManifest.FEEDS_PREFIX + source.key() + "/")) {
                throw new BundleException(bundle, m, ptr + "/path '" + path + "' is not under feeds/" + source.key() + "/");
            }
            if (!seen.add(path)) throw new BundleException(bundle, m, ptr + "/path '" + path + "' is listed twice");
            Instant fetchedAt = instant(bundle, ptr + "/fetchedAt", f.get("fetchedAt"));
            JsonNode size = f.get("size");
            if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                throw new BundleException(bundle, m, ptr + "/size missing or not a non-negative integer");
            }
            String sha = string(bundle, ptr + "/sha256", f.get("sha256"));
            if (!SHA256.matcher(sha).matches()) throw new BundleException(bundle, m, ptr + "/sha256 is not 64 lowercase hex digits");
            entries.add(new BundleManifest.Entry(path, source, fetchedAt, size.asLong(), sha));
        }
        return new BundleManifest(v.asInt(), created, entries);
    }

    private static Path prepareTarget(String bundle, Path targetDir) throws BundleException, IOException {
        Path t = targetDir.toAbsolutePath().normalize();
        if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) throw new BundleException(bundle, null, "target " + t + " is not a directory");
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(t)) {
                if (ds.iterator().hasNext()) throw new BundleException(bundle, null, "target directory " + t + " is not empty");
            }
        } else {
            Files.createDirectories(t);
        }
        return t;
    }

    private static void deleteContents(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (!d.equals(dir)) Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: the bundle was refused either way
        }
    }

    private static String string(String bundle, String ptr, JsonNode n) throws BundleException {
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw new BundleException(bundle, BundleManifest.MANIFEST_NAME, ptr + " missing or not a string");
        }
        return n.asText();
    }

    private static Instant instant(String bundle, String ptr, JsonNode n) throws BundleException {
        String s = string(bundle, ptr, n);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new BundleException(bundle, BundleManifest.MANIFEST_NAME, ptr + " is not an ISO-8601 instant: '" + printable(s) + "'");
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(Character.isISOControl(c) ? '?' : c);
        String r = sb.toString();
        return r.length() > 200 ? r.substring(0, 200) + "…" : r;
    }
}
