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

    private final Map<String, Integer> poolIds = new HashMap<>();
    private final List<String> pool = new ArrayList<>();
    private final ByteSink statements = new ByteSink(1 << 20);
    private final IntList statementOffsets = new IntList();
    private final Map<String, IntList> packageKeys = new HashMap<>();
    private final Map<String, IntList> cpeKeys = new HashMap<>();

    MatchIndexWriter() {
        pool.add(null);
    }

    int statements() {
        return statementOffsets.size();
    }

    /** Adds one live statement with the keys the database indexes it under. */
    void add(Advisory a, StatementKeys keys) {
        int index = statementOffsets.size();
        statementOffsets.add(statements.size());
        encode(a);
        for (int i = 0; i < keys.ecosystems().size(); i++) {
            packageKeys.computeIfAbsent(keys.ecosystems().get(i) + "|" + keys.packageNames().get(i), k -> new IntList()).add(index);
        }
        for (String k : keys.cpeKeys()) cpeKeys.computeIfAbsent(k, x -> new IntList()).add(index);
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

    /** Writes the whole file and forces it to disk. */
    void write(Path file, jp.mamori.advisory.store.KbGeneration version) throws IOException {
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

        int poolOff = MatchIndexFormat.HEADER;
        int stmtOff = align(poolOff + poolSection.size());
        int pkgOff = align(stmtOff + stmtSection.size());
        int cpeOff = align(pkgOff + pkg.size());
        long length = (long) cpeOff + cpe.size();
        if (length > Integer.MAX_VALUE) throw new IOException("match index larger than 2 GB");

        ByteBuffer header = ByteBuffer.allocate(MatchIndexFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MatchIndexFormat.MAGIC).putInt(MatchIndexFormat.VERSION).putInt(0).putLong(version.generation()).putLong(length)
                .putInt(poolOff).putInt(stmtOff).putInt(pkgOff).putInt(cpeOff)
                .putLong(version.instance().getMostSignificantBits()).putLong(version.instance().getLeastSignificantBits()).flip();
        CRC32C crc = new CRC32C();
        crc.update(header.array(), MatchIndexFormat.CRC_FROM, MatchIndexFormat.HEADER - MatchIndexFormat.CRC_FROM);
        byte[][] parts = {poolSection.array(), pad(poolOff + poolSection.size(), stmtOff), stmtSection.array(),
                pad(stmtOff + stmtSection.size(), pkgOff), pkg.array(), pad(pkgOff + pkg.size(), cpeOff), cpe.array()};
        int[] sizes = {poolSection.size(), stmtOff - poolOff - poolSection.size(), stmtSection.size(),
                pkgOff - stmtOff - stmtSection.size(), pkg.size(), cpeOff - pkgOff - pkg.size(), cpe.size()};
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

    private static ByteSink keys(Map<String, IntList> keys) {
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
            for (int i = 0; i < p.size(); i++) postings.int32(p.get(i));
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
