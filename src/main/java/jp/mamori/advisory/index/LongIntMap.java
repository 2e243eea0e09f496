package jp.mamori.advisory.index;

import java.util.Arrays;

/**
 * Database ids to positions: an open-addressing table of primitive longs (half a million boxed
 * entries of a hash map would be garbage on every build). Grows as needed; ids are never removed.
 */
final class LongIntMap {

    private long[] ids;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        ids = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
    }

    /** The statement positions of an index file by database id. */
    static LongIntMap positionsOf(MatchIndex index) {
        LongIntMap m = new LongIntMap(index.statementCount());
        for (int i = 0; i < index.statementCount(); i++) m.put(index.statementDbId(i), i);
        return m;
    }

    /** @param value not negative */
    void put(long id, int value) {
        if (2 * (size + 1) > ids.length) grow();
        int slot = slot(id);
        while (values[slot] >= 0 && ids[slot] != id) slot = (slot + 1) & mask;
        if (values[slot] < 0) size++;
        ids[slot] = id;
        values[slot] = value;
    }

    /** The value of {@code id}, or -1. */
    int get(long id) {
        int slot = slot(id);
        while (values[slot] >= 0) {
            if (ids[slot] == id) return values[slot];
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private void grow() {
        long[] oldIds = ids;
        int[] oldValues = values;
        ids = new long[oldIds.length * 2];
        values = new int[oldIds.length * 2];
        Arrays.fill(values, -1);
        mask = ids.length - 1;
        size = 0;
        for (int i = 0; i < oldIds.length; i++) if (oldValues[i] >= 0) put(oldIds[i], oldValues[i]);
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
