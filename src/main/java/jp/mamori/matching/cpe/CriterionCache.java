package jp.mamori.matching.cpe;

import jp.mamori.identifiers.cpe.Cpe23;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed criteria by their text. A scan evaluates the same few thousand NVD criteria against many
 * assets; parsing each time would dominate. Bounded: emptied when full rather than tracking use,
 * which is enough for a working set far below the bound.
 */
final class CriterionCache {
    private static final int MAX_ENTRIES = 200_000;
    private static final Map<String, Optional<Cpe23>> CACHE = new ConcurrentHashMap<>();

    private CriterionCache() { }

    static Optional<Cpe23> parse(String criteria) {
        if (criteria == null) return Optional.empty();
        Optional<Cpe23> cached = CACHE.get(criteria);
        if (cached != null) return cached;
        if (CACHE.size() >= MAX_ENTRIES) CACHE.clear();
        Optional<Cpe23> parsed = Cpe23.tryParse(criteria);
        CACHE.put(criteria, parsed);
        return parsed;
    }
}
