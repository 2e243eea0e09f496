package jp.mamori.memo;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The results of a pure function by argument, shared by threads and bounded: emptied when full
 * rather than tracking use, which is enough when the working set is far below the bound and keeps
 * a stream of ever-different arguments (a hostile feed) from growing it without end. The function
 * must return the same immutable, non-null value for equal arguments (use {@code Optional} for "none").
 */
public final class BoundedMemo<K, V> {

    private final int limit;
    private final Function<? super K, ? extends V> function;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public BoundedMemo(int limit, Function<? super K, ? extends V> function) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
        this.limit = limit;
        this.function = Objects.requireNonNull(function, "function");
    }

    /** The function's value for {@code key} (not null), computed at most once while it is kept. */
    public V get(K key) {
        V known = values.get(key);
        if (known != null) return known;
        // Computed outside the map's locks: a function may itself use a memo.
        V v = Objects.requireNonNull(function.apply(key), "a memoised function returned null");
        if (values.size() >= limit) values.clear();
        values.put(key, v);
        return v;
    }

    /** How many values are kept (at most the limit). */
    public int size() {
        return values.size();
    }
}
