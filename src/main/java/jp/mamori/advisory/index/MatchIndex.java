package jp.mamori.advisory.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.CRC32C;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AdvisoryLookup;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.store.KbGeneration;
import jp.mamori.advisory.store.VulnerabilityRecord;

/**
 * An open, verified compiled match index: memory-mapped, read without JSON, keys found by binary
 * search. Immutable and safe to share between threads; {@link #lookup()} gives one run its own
 * cache of decoded statements.
 */
public final class MatchIndex {

    private final Path file;
    private final ByteBuffer buf;
    private final KbGeneration version;
    private final long length;
    private final int poolCount;
    private final int poolOffsets;
    private final int poolData;
    private final int statementCount;
    private final int statementOffsets;
    private final int statementData;
    private final Keys packages;
    private final Keys cpes;
    private final int factCount;
    private final int factIdOffsets;
    private final int factOffsets;
    private final int factIdData;
    private final int factData;
    private final int sources;
    private final int identities;

    private MatchIndex(Path file, ByteBuffer buf) {
        this.file = file;
        this.buf = buf;
        this.version = new KbGeneration(new java.util.UUID(buf.getLong(48), buf.getLong(56)), buf.getLong(16));
        this.length = buf.getLong(24);
        int pool = buf.getInt(32);
        poolCount = buf.getInt(pool);
        poolOffsets = pool + 4;
        poolData = poolOffsets + 4 * (poolCount + 1);
        int stmt = buf.getInt(36);
        statementCount = buf.getInt(stmt);
        statementOffsets = stmt + 4;
        statementData = statementOffsets + 4 * (statementCount + 1);
        packages = new Keys(buf.getInt(40));
        cpes = new Keys(buf.getInt(44));
        int fct = buf.getInt(64);
        factCount = buf.getInt(fct);
        factIdOffsets = fct + 4;
        factOffsets = factIdOffsets + 4 * (factCount + 1);
        int idLength = buf.getInt(factOffsets + 4 * factCount);
        factIdData = factOffsets + 4 * factCount + 4;
        factData = factIdData + idLength;
        sources = buf.getInt(68);
        identities = buf.getInt(72);
    }

    /**
     * Maps and verifies a file: magic, version, length and checksum. A file that fails any of them
     * is damaged and is never used.
     */
    public static MatchIndex open(Path file) throws IOException {
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            // Magic and version first: a file of another kind or format version says so, whatever its size.
            if (size < MatchIndexFormat.MAGIC.length + 4 || size > Integer.MAX_VALUE) throw new DamagedIndexException(file, "size " + size);
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        ByteBuffer b = map.order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MatchIndexFormat.MAGIC.length];
        b.get(0, magic);
        if (!Arrays.equals(magic, MatchIndexFormat.MAGIC)) throw new DamagedIndexException(file, "not a match index");
        if (b.getInt(8) != MatchIndexFormat.VERSION) throw new DamagedIndexException(file, "format version " + b.getInt(8));
        if (b.capacity() < MatchIndexFormat.HEADER) throw new DamagedIndexException(file, "size " + b.capacity());
        if (b.getLong(24) != b.capacity()) throw new DamagedIndexException(file, "length " + b.capacity() + ", header says " + b.getLong(24));
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(MatchIndexFormat.CRC_FROM));
        if ((int) crc.getValue() != b.getInt(12)) throw new DamagedIndexException(file, "checksum mismatch");
        try {
            MatchIndex index = new MatchIndex(file, b);
            index.check();
            return index;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new DamagedIndexException(file, "inconsistent sections");
        }
    }

    /** The same mapping under the name it was renamed to. */
    MatchIndex renamed(Path to) {
        return new MatchIndex(to, buf);
    }

    private void check() {
        for (int off : new int[] {poolOffsets, poolData, statementOffsets, statementData, packages.data, cpes.data, factIdData, factData, sources, identities}) {
            if (off < MatchIndexFormat.HEADER || off > length) throw new IllegalArgumentException("offset");
        }
        if (buf.getInt(identities) != statementCount
                || identities + 4L + (long) statementCount * (8 + MatchIndexFormat.HASH_BYTES) > length) {
            throw new IllegalArgumentException("identities");
        }
    }

    /** The knowledge base instance and generation this index was built from. */
    public KbGeneration version() {
        return version;
    }

    public Path file() {
        return file;
    }

    public long sizeBytes() {
        return length;
    }

    public int statementCount() {
        return statementCount;
    }

    public int packageKeyCount() {
        return packages.count;
    }

    public int cpeKeyCount() {
        return cpes.count;
    }

    /** The stored statements per source when the index was built (withdrawn ones included), in key order. */
    public List<SourceStatements> statementsBySource() {
        int at = sources;
        int n = buf.getInt(at);
        at += 4;
        List<SourceStatements> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] key = new byte[buf.getInt(at)];
            buf.get(at + 4, key);
            at += 4 + key.length;
            long count = buf.getLong(at);
            long seconds = buf.getLong(at + 8);
            int nanos = buf.getInt(at + 16);
            at += 20;
            out.add(new SourceStatements(new String(key, StandardCharsets.UTF_8), count,
                    seconds == Long.MIN_VALUE ? null : java.time.Instant.ofEpochSecond(seconds, nanos)));
        }
        return List.copyOf(out);
    }

    /**
     * A lookup for one run: decoded statements are kept for the life of the returned object. Safe to
     * use from several threads at once without a lock (a scan matches its components on both cores):
     * decoding is pure, and a statement or key decoded twice by a race is kept once, so every caller
     * gets the same instances.
     */
    public AdvisoryLookup lookup() {
        return new AdvisoryLookup() {
            // By statement number, set once (compare-and-set): a map of boxed numbers grew and rehashed
            // on every scan (a tenth of matching, with the map's bookkeeping).
            private final AtomicReferenceArray<Advisory> decoded = new AtomicReferenceArray<>(statementCount);
            private final Map<String, List<Advisory>> byKey = new ConcurrentHashMap<>();
            // The statements of one product share their criteria, bounds and ids (the pool holds each
            // string once): decoding each once per run made a sixth of a scan's garbage. Shared by the
            // threads without a lock: a String is immutable (final fields), so one read through a race
            // is complete, and at worst two threads decode the same equal string.
            private final String[] strings = new String[poolCount];

            @Override
            public List<Advisory> byPackage(String ecosystem, String name) {
                return cached("p" + ecosystem + "|" + name, () -> packages.postings(ecosystem + "|" + name));
            }

            @Override
            public List<Advisory> byCpeKey(String cpeKey) {
                return cached("c" + cpeKey, () -> cpes.postings(cpeKey));
            }

            @Override
            public boolean readsNoDatabase() {
                return true;
            }

            private List<Advisory> cached(String key, java.util.function.Supplier<int[]> postings) {
                List<Advisory> known = byKey.get(key);
                if (known != null) return known;
                List<Advisory> made = resolve(postings.get());
                List<Advisory> raced = byKey.putIfAbsent(key, made);
                return raced != null ? raced : made;
            }

            private List<Advisory> resolve(int[] ids) {
                List<Advisory> out = new ArrayList<>(ids.length);
                for (int id : ids) {
                    Advisory a = decoded.get(id);
                    if (a == null) {
                        a = statement(id, strings);
                        if (!decoded.compareAndSet(id, null, a)) a = decoded.get(id);
                    }
                    out.add(a);
                }
                return List.copyOf(out);
            }
        };
    }

    /**
     * The part of a vulnerability's merged record that comes from its live statements (aliases, CVSS,
     * references, exploitation statements), as {@code KnowledgeBase.mergeStatements} made it at build
     * time; null when no live statement names it.
     */
    public VulnerabilityRecord facts(String vulnId) {
        byte[] k = vulnId.getBytes(StandardCharsets.UTF_8);
        int lo = 0;
        int hi = factCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareBytes(factIdData + buf.getInt(factIdOffsets + 4 * mid), factIdData + buf.getInt(factIdOffsets + 4 * (mid + 1)), k);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return decodeFacts(vulnId, factData + buf.getInt(factOffsets + 4 * mid));
        }
        return null;
    }

    private VulnerabilityRecord decodeFacts(String id, int at) {
        Cursor c = new Cursor(at);
        int na = c.varint();
        List<String> aliases = new ArrayList<>(na);
        for (int i = 0; i < na; i++) aliases.add(c.str());
        int ns = c.varint();
        List<CvssScore> cvss = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            String version = c.str();
            String vector = c.str();
            Double score = null;
            if (c.bool()) {
                long lo = buf.getInt(c.pos) & 0xFFFFFFFFL;
                long hi = buf.getInt(c.pos + 4) & 0xFFFFFFFFL;
                c.pos += 8;
                score = Double.longBitsToDouble(lo | (hi << 32));
            }
            cvss.add(new CvssScore(version, vector, score, c.str(), c.str()));
        }
        int nr = c.varint();
        List<VulnerabilityRecord.SourcedReference> refs = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) {
            String source = c.str();
            String url = c.str();
            int nt = c.varint();
            List<String> tags = new ArrayList<>(nt);
            for (int j = 0; j < nt; j++) tags.add(c.str());
            refs.add(new VulnerabilityRecord.SourcedReference(source, url, List.copyOf(tags)));
        }
        int ne = c.varint();
        List<String> exploited = new ArrayList<>(ne);
        for (int i = 0; i < ne; i++) exploited.add(c.str());
        return new VulnerabilityRecord(id, List.copyOf(aliases), false, null, null, Map.of(), List.copyOf(cvss), List.of(), null, null,
                new VulnerabilityRecord.Affected(List.of(), List.of(), List.of()), List.of(), List.of(), List.of(), List.copyOf(refs),
                List.copyOf(exploited), List.of());
    }

    /** Eight key bytes at a time, in the file's byte order of significance (big-endian, unsigned). */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Sign of the unsigned byte order of the stored key against {@code key}. Eight bytes at a time:
     * every lookup of a scan is a binary search over hundreds of thousands of keys that mostly share
     * their first bytes ("CVE-20", "npm|"), and comparing byte by byte was a tenth of a scan.
     */
    private int compareBytes(int from, int to, byte[] key) {
        int n = Math.min(to - from, key.length);
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            long a = Long.reverseBytes(buf.getLong(from + k));
            long b = (long) LONGS.get(key, k);
            if (a != b) return Long.compareUnsigned(a, b) < 0 ? -1 : 1;
        }
        for (; k < n; k++) {
            int a = buf.get(from + k) & 0xFF;
            int b = key[k] & 0xFF;
            if (a != b) return a - b;
        }
        return (to - from) - key.length;
    }

    // ---- decoding

    /** @param cache strings already decoded in this run, by id; null for none */
    private String string(int id, String[] cache) {
        if (id == 0) return null;
        if (id < 0 || id >= poolCount) throw new IllegalStateException("string id out of range in " + file);
        if (cache != null && cache[id] != null) return cache[id];
        int from = buf.getInt(poolOffsets + 4 * id);
        int to = buf.getInt(poolOffsets + 4 * (id + 1));
        byte[] b = new byte[to - from];
        buf.get(poolData + from, b);
        String out = new String(b, StandardCharsets.UTF_8);
        if (cache != null) cache[id] = out;
        return out;
    }

    /** Reads varints from a position. */
    private final class Cursor {
        int pos;
        final String[] cache;

        Cursor(int pos) {
            this(pos, null);
        }

        Cursor(int pos, String[] cache) {
            this.pos = pos;
            this.cache = cache;
        }

        int varint() {
            int v = 0;
            int shift = 0;
            while (true) {
                byte b = buf.get(pos++);
                v |= (b & 0x7F) << shift;
                if (b >= 0) return v;
                shift += 7;
            }
        }

        boolean bool() {
            return buf.get(pos++) != 0;
        }

        String str() {
            return string(varint(), cache);
        }
    }

    // ---- what the next build reuses (ADR 0025)

    /** The database id of statement {@code index}. */
    long statementDbId(int index) {
        return buf.getLong(identities + 4 + index * (8 + MatchIndexFormat.HASH_BYTES));
    }

    /** The first bytes of the content hash of the JSON statement {@code index} was built from ({@link ContentHash}). */
    void statementHash(int index, byte[] into) {
        buf.get(identities + 4 + index * (8 + MatchIndexFormat.HASH_BYTES) + 8, into, 0, MatchIndexFormat.HASH_BYTES);
    }

    /** The vulnerability of statement {@code index}. */
    String statementVulnId(int index) {
        return new Cursor(statementData + buf.getInt(statementOffsets + 4 * index)).str();
    }

    /** The number of pooled strings (for a cache of decoded ones). */
    int stringCount() {
        return poolCount;
    }

    /** The code that built this file ({@link BuilderIdentity}). */
    byte[] builtBy() {
        byte[] out = new byte[MatchIndexFormat.BUILDER_BYTES];
        buf.get(MatchIndexFormat.BUILDER_AT, out);
        return out;
    }

    /** @param strings strings already decoded, by pool id ({@link #stringCount()} long); null for none */
    Advisory statement(int index, String[] strings) {
        Cursor c = new Cursor(statementData + buf.getInt(statementOffsets + 4 * index), strings);
        String vulnId = c.str();
        Source source = Source.fromKey(c.str());
        String documentId = c.str();
        int nc = c.varint();
        List<CpeConfiguration> configs = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            String op = c.str();
            boolean negate = c.bool();
            int nn = c.varint();
            List<CpeNode> nodes = new ArrayList<>(nn);
            for (int j = 0; j < nn; j++) {
                String nop = c.str();
                boolean nneg = c.bool();
                int nm = c.varint();
                List<CpeMatch> matches = new ArrayList<>(nm);
                for (int k = 0; k < nm; k++) {
                    boolean vulnerable = c.bool();
                    matches.add(new CpeMatch(vulnerable, c.str(), c.str(), c.str(), c.str(), c.str()));
                }
                nodes.add(new CpeNode(nop, nneg, matches));
            }
            configs.add(new CpeConfiguration(op, negate, nodes));
        }
        int nn = c.varint();
        List<String> names = new ArrayList<>(nn);
        for (int i = 0; i < nn; i++) names.add(c.str());
        int np = c.varint();
        List<AffectedPackage> pkgs = new ArrayList<>(np);
        for (int i = 0; i < np; i++) {
            String eco = c.str();
            String name = c.str();
            String purl = c.str();
            int nr = c.varint();
            List<PackageRange> ranges = new ArrayList<>(nr);
            for (int j = 0; j < nr; j++) {
                String type = c.str();
                int ne = c.varint();
                List<RangeEvent> events = new ArrayList<>(ne);
                for (int k = 0; k < ne; k++) events.add(new RangeEvent(c.str(), c.str()));
                ranges.add(new PackageRange(type, events));
            }
            int nv = c.varint();
            List<String> versions = new ArrayList<>(nv);
            for (int j = 0; j < nv; j++) versions.add(c.str());
            pkgs.add(new AffectedPackage(eco, name, purl, ranges, versions));
        }
        return new Advisory(vulnId, source, documentId, Set.of(), null, null, null, false, Map.of(), List.of(), List.of(),
                configs, names, pkgs, List.of(), List.of(), List.of(), false);
    }

    /** One sorted key section. */
    private final class Keys {
        final int count;
        final int keyOffsets;
        final int postingOffsets;
        final int postings;
        final int data;

        Keys(int at) {
            count = buf.getInt(at);
            int total = buf.getInt(at + 4);
            keyOffsets = at + 8;
            postingOffsets = keyOffsets + 4 * (count + 1);
            postings = postingOffsets + 4 * (count + 1);
            data = postings + 4 * total;
        }

        private int compareAt(int i, byte[] key) {
            return compareBytes(data + buf.getInt(keyOffsets + 4 * i), data + buf.getInt(keyOffsets + 4 * (i + 1)), key);
        }

        int[] postings(String key) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareAt(mid, k);
                if (c < 0) lo = mid + 1;
                else if (c > 0) hi = mid - 1;
                else {
                    int from = buf.getInt(postingOffsets + 4 * mid);
                    int to = buf.getInt(postingOffsets + 4 * (mid + 1));
                    int[] out = new int[to - from];
                    for (int j = 0; j < out.length; j++) out[j] = buf.getInt(postings + 4 * (from + j));
                    return out;
                }
            }
            return new int[0];
        }
    }

    /** The file is not a complete, intact index. */
    public static final class DamagedIndexException extends IOException {
        public DamagedIndexException(Path file, String why) {
            super("match index " + file + " is damaged: " + why);
        }
    }
}
