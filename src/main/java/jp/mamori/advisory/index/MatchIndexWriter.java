package jp.mamori.advisory.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import jp.mamori.advisory.Advisory;
import jp.mamori.advisory.AffectedPackage;
import jp.mamori.advisory.CpeConfiguration;
import jp.mamori.advisory.CpeMatch;
import jp.mamori.advisory.CpeNode;
import jp.mamori.advisory.PackageRange;
import jp.mamori.advisory.RangeEvent;
import jp.mamori.advisory.store.StatementKeys;

/**
 * Collects live statements (in database id order) and writes the index file: strings pooled,
 * statements encoded once, keys sorted with their postings. The caller moves the finished file
 * into place atomically.
 */
final class MatchIndexWriter {

    private final Map<String, Integer> poolIds;
    private final List<String> pool;
    private final ByteSink statements = new ByteSink(1 << 20);
    private final IntList statementOffsets = new IntList();
    private final Map<String, IntList> packageKeys = new HashMap<>();
    private final Map<String, IntList> cpeKeys = new HashMap<>();
    private long[] dbIds = new long[1024];
    /** The content hashes of the statements, {@link MatchIndexFormat#HASH_BYTES} each, in statement order. */
    private byte[] hashes = new byte[1024 * MatchIndexFormat.HASH_BYTES];
    private final ByteSink facts = new ByteSink(1 << 20);
    private final List<String> factIds = new ArrayList<>();
    private final IntList factOffsets = new IntList();
    /** Per source: statements counted and the newest {@code modified}, in key order so the file is reproducible. */
    private final java.util.TreeMap<String, long[]> bySource = new java.util.TreeMap<>();

    MatchIndexWriter() {
        this(1 << 16);
    }

    /** @param expectedStrings about how many distinct strings the file will pool (the earlier file's count): no rehashing on the way */
    MatchIndexWriter(int expectedStrings) {
        poolIds = new HashMap<>(Math.max(16, expectedStrings + expectedStrings / 3));
        pool = new ArrayList<>(Math.max(16, expectedStrings));
        pool.add(null);
    }

    int statements() {
        return statementOffsets.size();
    }

    /**
     * Adds one live statement with the keys the database indexes it under, its row id and the first
     * {@link MatchIndexFormat#HASH_BYTES} bytes of its content hash ({@link ContentHash}).
     */
    void add(Advisory a, StatementKeys keys, long dbId, byte[] hash) {
        if (hash.length != MatchIndexFormat.HASH_BYTES) throw new IllegalArgumentException("content hash of " + hash.length + " bytes");
        int index = statementOffsets.size();
        if (index == dbIds.length) {
            dbIds = Arrays.copyOf(dbIds, index * 2);
            hashes = Arrays.copyOf(hashes, index * 2 * MatchIndexFormat.HASH_BYTES);
        }
        dbIds[index] = dbId;
        System.arraycopy(hash, 0, hashes, index * MatchIndexFormat.HASH_BYTES, MatchIndexFormat.HASH_BYTES);
        statementOffsets.add(statements.size());
        encode(a);
        for (int i = 0; i < keys.ecosystems().size(); i++) {
            packageKeys.computeIfAbsent(keys.ecosystems().get(i) + "|" + keys.packageNames().get(i), k -> new IntList()).add(index);
        }
        for (String k : keys.cpeKeys()) cpeKeys.computeIfAbsent(k, x -> new IntList()).add(index);
    }

    /** Counts one stored statement of {@code source}, live or withdrawn (what the feed status counts). */
    void countStatement(String source, java.time.Instant modified) {
        long[] t = bySource.computeIfAbsent(source, k -> new long[] {0, Long.MIN_VALUE, 0});
        t[0]++;
        if (modified != null && (t[1] == Long.MIN_VALUE || modified.isAfter(java.time.Instant.ofEpochSecond(t[1], t[2])))) {
            t[1] = modified.getEpochSecond();
            t[2] = modified.getNano();
        }
    }

    private int str(String s) {
        if (s == null) return 0;
        Integer id = poolIds.get(s);
        if (id == null) {
            id = pool.size();
            pool.add(s);
            poolIds.put(s, id);
        }
        return id;
    }

    private void s(String v) {
        statements.varint(str(v));
    }

    /** The statements' part of one vulnerability's merged record ({@code KnowledgeBase.mergeStatements}). */
    void addFacts(jp.mamori.advisory.store.VulnerabilityRecord r) {
        factIds.add(r.id());
        factOffsets.add(facts.size());
        facts.varint(r.aliases().size());
        for (String a : r.aliases()) facts.varint(str(a));
        facts.varint(r.cvss().size());
        for (jp.mamori.advisory.CvssScore c : r.cvss()) {
            facts.varint(str(c.version()));
            facts.varint(str(c.vector()));
            facts.bool(c.baseScore() != null);
            if (c.baseScore() != null) {
                long bits = Double.doubleToRawLongBits(c.baseScore());
                facts.int32((int) bits);
                facts.int32((int) (bits >>> 32));
            }
            facts.varint(str(c.source()));
            facts.varint(str(c.type()));
        }
        facts.varint(r.references().size());
        for (jp.mamori.advisory.store.VulnerabilityRecord.SourcedReference ref : r.references()) {
            facts.varint(str(ref.source()));
            facts.varint(str(ref.url()));
            facts.varint(ref.tags().size());
            for (String t : ref.tags()) facts.varint(str(t));
        }
        facts.varint(r.exploitedStatedBy().size());
        for (String e : r.exploitedStatedBy()) facts.varint(str(e));
    }

    private void encode(Advisory a) {
        s(a.vulnId());
        s(a.source().key());
        s(a.documentId());
        statements.varint(a.configurations().size());
        for (CpeConfiguration cfg : a.configurations()) {
            s(cfg.operator());
            statements.bool(cfg.negate());
            statements.varint(cfg.nodes().size());
            for (CpeNode n : cfg.nodes()) {
                s(n.operator());
                statements.bool(n.negate());
                statements.varint(n.cpeMatch().size());
                for (CpeMatch m : n.cpeMatch()) {
                    statements.bool(m.vulnerable());
                    s(m.criteria());
                    s(m.versionStartIncluding());
                    s(m.versionStartExcluding());
                    s(m.versionEndIncluding());
                    s(m.versionEndExcluding());
                }
            }
        }
        statements.varint(a.cpeNames().size());
        for (String n : a.cpeNames()) s(n);
        statements.varint(a.packages().size());
        for (AffectedPackage p : a.packages()) {
            s(p.ecosystem());
            s(p.name());
            s(p.purl());
            statements.varint(p.ranges().size());
            for (PackageRange r : p.ranges()) {
                s(r.type());
                statements.varint(r.events().size());
                for (RangeEvent e : r.events()) {
                    s(e.kind());
                    s(e.version());
                }
            }
            statements.varint(p.versions().size());
            for (String v : p.versions()) s(v);
        }
    }

    /** Writes the whole file and forces it to disk; {@code builder} is the {@link BuilderIdentity} recorded in it. */
    void write(Path file, jp.mamori.advisory.store.KbGeneration version, byte[] builder) throws IOException {
        if (builder.length != MatchIndexFormat.BUILDER_BYTES) throw new IllegalArgumentException("builder identity of " + builder.length + " bytes");
        ByteSink poolSection = new ByteSink(1 << 20);
        ByteSink poolData = new ByteSink(1 << 20);
        poolSection.int32(pool.size());
        poolSection.int32(0);
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i) != null) poolData.bytes(pool.get(i).getBytes(StandardCharsets.UTF_8));
            poolSection.int32(poolData.size());
        }
        poolSection.append(poolData);

        ByteSink stmtSection = new ByteSink(statements.size() + 4 * statementOffsets.size() + 16);
        stmtSection.int32(statementOffsets.size());
        for (int i = 0; i < statementOffsets.size(); i++) stmtSection.int32(statementOffsets.get(i));
        stmtSection.int32(statements.size());
        stmtSection.append(statements);

        ByteSink pkg = keys(packageKeys);
        ByteSink cpe = keys(cpeKeys);
        ByteSink fct = factsSection();
        ByteSink src = sourcesSection();
        ByteSink ids = identitiesSection();

        int poolOff = MatchIndexFormat.HEADER;
        int stmtOff = align(poolOff + poolSection.size());
        int pkgOff = align(stmtOff + stmtSection.size());
        int cpeOff = align(pkgOff + pkg.size());
        int fctOff = align(cpeOff + cpe.size());
        int srcOff = align(fctOff + fct.size());
        int idsOff = align(srcOff + src.size());
        long length = (long) idsOff + ids.size();
        if (length > Integer.MAX_VALUE) throw new IOException("match index larger than 2 GB");

        ByteBuffer header = ByteBuffer.allocate(MatchIndexFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MatchIndexFormat.MAGIC).putInt(MatchIndexFormat.VERSION).putInt(0).putLong(version.generation()).putLong(length)
                .putInt(poolOff).putInt(stmtOff).putInt(pkgOff).putInt(cpeOff)
                .putLong(version.instance().getMostSignificantBits()).putLong(version.instance().getLeastSignificantBits())
                .putInt(fctOff).putInt(srcOff).putInt(idsOff).putInt(0).put(builder).flip();
        CRC32C crc = new CRC32C();
        crc.update(header.array(), MatchIndexFormat.CRC_FROM, MatchIndexFormat.HEADER - MatchIndexFormat.CRC_FROM);
        byte[][] parts = {poolSection.array(), pad(poolOff + poolSection.size(), stmtOff), stmtSection.array(),
                pad(stmtOff + stmtSection.size(), pkgOff), pkg.array(), pad(pkgOff + pkg.size(), cpeOff), cpe.array(),
                pad(cpeOff + cpe.size(), fctOff), fct.array(), pad(fctOff + fct.size(), srcOff), src.array(),
                pad(srcOff + src.size(), idsOff), ids.array()};
        int[] sizes = {poolSection.size(), stmtOff - poolOff - poolSection.size(), stmtSection.size(),
                pkgOff - stmtOff - stmtSection.size(), pkg.size(), cpeOff - pkgOff - pkg.size(), cpe.size(),
                fctOff - cpeOff - cpe.size(), fct.size(), srcOff - fctOff - fct.size(), src.size(),
                idsOff - srcOff - src.size(), ids.size()};
        for (int i = 0; i < parts.length; i++) crc.update(parts[i], 0, sizes[i]);
        header.putInt(12, (int) crc.getValue());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(ch, header);
            for (int i = 0; i < parts.length; i++) {
                writeFully(ch, ByteBuffer.wrap(parts[i], 0, sizes[i]));
                MatchIndexes.crashPoint("write-" + i);
            }
            ch.force(true);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    private static int align(int off) {
        return (off + 7) & ~7;
    }

    private static byte[] pad(int from, int to) {
        return new byte[to - from];
    }

    private ByteSink identitiesSection() {
        int n = statementOffsets.size();
        ByteSink out = new ByteSink(4 + n * (8 + MatchIndexFormat.HASH_BYTES));
        out.int32(n);
        byte[] hash = new byte[MatchIndexFormat.HASH_BYTES];
        for (int i = 0; i < n; i++) {
            out.int32((int) dbIds[i]);
            out.int32((int) (dbIds[i] >>> 32));
            System.arraycopy(hashes, i * MatchIndexFormat.HASH_BYTES, hash, 0, hash.length);
            out.bytes(hash);
        }
        return out;
    }

    private ByteSink sourcesSection() {
        ByteSink out = new ByteSink(64 * bySource.size() + 4);
        out.int32(bySource.size());
        for (var e : bySource.entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.int32(key.length);
            out.bytes(key);
            long[] t = e.getValue();
            for (long v : new long[] {t[0], t[1]}) {
                out.int32((int) v);
                out.int32((int) (v >>> 32));
            }
            out.int32((int) t[2]);
        }
        return out;
    }

    private ByteSink factsSection() {
        Integer[] order = new Integer[factIds.size()];
        byte[][] ids = new byte[factIds.size()][];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            ids[i] = factIds.get(i).getBytes(StandardCharsets.UTF_8);
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(ids[a], ids[b]));
        ByteSink idData = new ByteSink(1 << 16);
        ByteSink idOffsets = new ByteSink(4 * order.length + 8);
        ByteSink offsets = new ByteSink(4 * order.length + 4);
        idOffsets.int32(0);
        for (int i : order) {
            idData.bytes(ids[i]);
            idOffsets.int32(idData.size());
            offsets.int32(factOffsets.get(i));
        }
        ByteSink out = new ByteSink(16 + idOffsets.size() + offsets.size() + idData.size() + facts.size());
        out.int32(order.length);
        out.append(idOffsets);
        out.append(offsets);
        out.int32(idData.size());
        out.append(idData);
        out.append(facts);
        return out;
    }

    private ByteSink keys(Map<String, IntList> keys) {
        // Sorted by UTF-8 bytes, the order the reader's binary search compares in.
        byte[][] sorted = keys.keySet().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        ByteSink keyData = new ByteSink(1 << 16);
        ByteSink offsets = new ByteSink(8 * sorted.length + 8);
        ByteSink postingOffsets = new ByteSink(4 * sorted.length + 4);
        ByteSink postings = new ByteSink(1 << 16);
        int count = 0;
        offsets.int32(0);
        postingOffsets.int32(0);
        for (byte[] k : sorted) {
            keyData.bytes(k);
            offsets.int32(keyData.size());
            IntList p = keys.get(new String(k, StandardCharsets.UTF_8));
            int[] ids = Arrays.copyOf(p.a, p.n);
            // Database id order, the order the database lookup returns the statements in.
            long[] sortKeys = new long[ids.length];
            for (int i = 0; i < ids.length; i++) sortKeys[i] = (dbIds[ids[i]] << 24) | i;
            if (ids.length > 1) {
                Arrays.sort(sortKeys);
                int[] copy = ids.clone();
                for (int i = 0; i < ids.length; i++) ids[i] = copy[(int) (sortKeys[i] & 0xFFFFFF)];
            }
            for (int id : ids) postings.int32(id);
            count += p.size();
            postingOffsets.int32(count);
        }
        ByteSink out = new ByteSink(16 + offsets.size() + postingOffsets.size() + postings.size() + keyData.size());
        out.int32(sorted.length);
        out.int32(count);
        out.append(offsets);
        out.append(postingOffsets);
        out.append(postings);
        out.append(keyData);
        return out;
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[4];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return n;
        }
    }
}
