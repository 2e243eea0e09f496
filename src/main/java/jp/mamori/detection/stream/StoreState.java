package jp.mamori.detection.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mamori.detection.rules.DetectionState;
import jp.mamori.detection.rules.StateCodec;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One organisation's {@link DetectionState} in Kafka Streams key-value stores. Keys are
 * {@code table ␟ organisation ␟ key} — sessions by organisation + gateway + session, users by
 * organisation + user, upload windows by organisation + user + destination + hour — so that one
 * store serves every organisation of a task. What the rules read is kept in a cache for the line
 * being processed (they change sessions and windows in place) and written back by {@link #flush()}
 * when it changed; the stores' changelogs let another instance take over.
 */
final class StoreState implements DetectionState {

    static final String SESSIONS_STORE = "mamori-detection-sessions";
    static final String WINDOWS_STORE = "mamori-detection-windows";
    static final String DESKTOPS_STORE = "mamori-detection-desktops";
    static final String MEMORY_STORE = "mamori-detection-memory";
    static final List<String> STORES = List.of(SESSIONS_STORE, WINDOWS_STORE, DESKTOPS_STORE, MEMORY_STORE);

    private static final char SEP = '\u001f';
    private static final StringSerializer PREFIX = new StringSerializer();

    /** Which store holds a table. */
    static String storeOf(String table) {
        return switch (table) {
            case SESSIONS, USERS -> SESSIONS_STORE;
            case UPLOADS, SIGMA -> WINDOWS_STORE;
            case DESKTOPS -> DESKTOPS_STORE;
            default -> MEMORY_STORE;
        };
    }

    private final String org;
    private final Map<String, KeyValueStore<String, byte[]>> stores;
    private final Map<String, StoreTable<?>> tables = new HashMap<>();

    StoreState(String org, Map<String, KeyValueStore<String, byte[]>> stores) {
        this.org = org;
        this.stores = stores;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Table<V> table(String name) {
        return (Table<V>) tables.computeIfAbsent(name, n -> new StoreTable<>(stores.get(storeOf(n)), n + SEP + org + SEP));
    }

    /** Writes back what the rules changed while reading the last line. */
    void flush() {
        for (StoreTable<?> t : tables.values()) t.flush();
    }

    private static final class StoreTable<V> implements Table<V> {
        private final KeyValueStore<String, byte[]> store;
        private final String prefix;
        private final Map<String, V> cache = new HashMap<>();
        private final Map<String, byte[]> loaded = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        StoreTable(KeyValueStore<String, byte[]> store, String prefix) {
            this.store = store;
            this.prefix = prefix;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(String key) {
            if (removed.contains(key)) return null;
            V v = cache.get(key);
            if (v != null) return v;
            byte[] b = store.get(prefix + key);
            if (b == null) return null;
            v = (V) StateCodec.decode(b);
            cache.put(key, v);
            loaded.put(key, b);
            return v;
        }

        @Override
        public void put(String key, V value) {
            removed.remove(key);
            cache.put(key, value);
        }

        @Override
        public void remove(String key) {
            cache.remove(key);
            removed.add(key);
        }

        @Override
        public List<String> keys() {
            Set<String> out = new LinkedHashSet<>();
            try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, PREFIX)) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    String k = kv.key.substring(prefix.length());
                    if (!removed.contains(k)) out.add(k);
                }
            }
            out.addAll(cache.keySet());
            return new ArrayList<>(out);
        }

        @Override
        public boolean contains(String key) {
            return get(key) != null;
        }

        void flush() {
            for (String k : removed) store.delete(prefix + k);
            for (Map.Entry<String, V> e : cache.entrySet()) {
                byte[] b = StateCodec.encode(e.getValue());
                if (!Arrays.equals(b, loaded.get(e.getKey()))) store.put(prefix + e.getKey(), b);
            }
            cache.clear();
            loaded.clear();
            removed.clear();
        }
    }
}
