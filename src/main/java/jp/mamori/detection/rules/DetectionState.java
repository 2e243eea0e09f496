package jp.mamori.detection.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the rules keep what they remember between lines: sessions, users, desktops, upload windows,
 * gathered Sigma hits and what was already said. The batch runner keeps it in memory for one import;
 * the Kafka Streams runner keeps it in state stores (changelogged, restored on another instance), so
 * that both run the very same rules ({@link DetectionEngine}). Values taken with {@link Table#get}
 * may be changed in place: a store-backed table writes them back after each line.
 */
public interface DetectionState {

    /** The tables the engine uses; names are stable (they name store keys). */
    String SESSIONS = "sessions", USERS = "users", DESKTOPS = "desktops", UPLOADS = "uploads", SIGMA = "sigma",
            SEEN = "seen", EMITTED = "emitted", FILE_START = "file-start", CLOCK = "clock",
            COUNTERS = "counters";

    <V> Table<V> table(String name);

    /** One named map of the state. */
    interface Table<V> {
        V get(String key);

        void put(String key, V value);

        void remove(String key);

        /** A snapshot of the keys (in memory: in insertion order). */
        List<String> keys();

        default int size() {
            return keys().size();
        }

        default boolean contains(String key) {
            return get(key) != null;
        }

        default V computeIfAbsent(String key, Function<String, V> make) {
            V v = get(key);
            if (v == null) put(key, v = make.apply(key));
            return v;
        }
    }

    /** The batch runner's state: plain maps, gone with the import. */
    static DetectionState inMemory() {
        Map<String, Table<?>> tables = new HashMap<>();
        return new DetectionState() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> Table<V> table(String name) {
                return (Table<V>) tables.computeIfAbsent(name, n -> new MapTable<>());
            }
        };
    }

    /** A table over a map keeping insertion order (the order the rules saw things in). */
    final class MapTable<V> implements Table<V> {
        private final Map<String, V> map = new LinkedHashMap<>();

        @Override public V get(String key) { return map.get(key); }
        @Override public void put(String key, V value) { map.put(key, value); }
        @Override public void remove(String key) { map.remove(key); }
        @Override public List<String> keys() { return new ArrayList<>(map.keySet()); }
        @Override public int size() { return map.size(); }
        @Override public boolean contains(String key) { return map.containsKey(key); }
    }
}
