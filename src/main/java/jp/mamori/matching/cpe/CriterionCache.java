package jp.mamori.matching.cpe;

import jp.mamori.identifiers.cpe.Cpe23;

import java.util.Optional;
import jp.mamori.memo.BoundedMemo;

/**
 * Parsed criteria by their text. A scan evaluates the same few thousand NVD criteria against many
 * assets; parsing each time would dominate.
 */
final class CriterionCache {
    private static final BoundedMemo<String, Optional<Cpe23>> CACHE = new BoundedMemo<>(200_000, Cpe23::tryParse);

    private CriterionCache() { }

    static Optional<Cpe23> parse(String criteria) {
        if (criteria == null) return Optional.empty();
        return CACHE.get(criteria);
    }
}
