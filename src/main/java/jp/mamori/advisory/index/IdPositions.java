package jp.mamori.advisory.index;

/**
 * Where each statement of an index file is, by its database id: an open-addressing table of
 * primitive longs (half a million boxed entries of a hash map would be garbage on every build).
 */
final class IdPositions {

    private final long[] ids;
    private final int[] positions;
    private final int mask;

    IdPositions(MatchIndex index) {
        int n = index.statementCount();
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        ids = new long[capacity];
        positions = new int[capacity];
        java.util.Arrays.fill(positions, -1);
        mask = capacity - 1;
        for (int i = 0; i < n; i++) {
            long id = index.statementDbId(i);
            int slot = slot(id);
            while (positions[slot] >= 0 && ids[slot] != id) slot = (slot + 1) & mask;
            ids[slot] = id;
            positions[slot] = i;
        }
    }

    /** The position of the statement with this id, or -1. */
    int of(long id) {
        int slot = slot(id);
        while (positions[slot] >= 0) {
            if (ids[slot] == id) return positions[slot];
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
