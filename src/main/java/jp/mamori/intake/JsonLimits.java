package jp.mamori.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Bounds for reading a JSON document we did not write, and the one way to get a parser factory that
 * enforces them: nesting depth, string, name and number lengths and, where a second value for a key
 * must not silently win (SBOMs, bundle manifests, VEX), duplicate keys refused. Bulk feeds keep
 * duplicates lenient: a harmless duplicate in one NVD record must not stop a 300,000-record import.
 */
public record JsonLimits(int maxDepth, int maxStringLength, int maxNameLength, boolean refuseDuplicateKeys) {

    /** Numbers longer than this are not numbers any real document carries (and cost quadratic time to parse). */
    public static final int MAX_NUMBER_LENGTH = 100;

    public JsonLimits {
        if (maxDepth < 1 || maxStringLength < 1 || maxNameLength < 1) throw new IllegalArgumentException("limits must be positive");
    }

    /** The given depth with Jackson's default string and name lengths, duplicate keys refused. */
    public static JsonLimits strict(int maxDepth) {
        return new JsonLimits(maxDepth, StreamReadConstraints.DEFAULT_MAX_STRING_LEN, StreamReadConstraints.DEFAULT_MAX_NAME_LEN, true);
    }

    /** The same limits with duplicate keys accepted (the last value wins). */
    public JsonLimits allowingDuplicateKeys() {
        return new JsonLimits(maxDepth, maxStringLength, maxNameLength, false);
    }

    public StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength(maxStringLength)
                .maxNameLength(maxNameLength)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
    }

    public JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(constraints())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, refuseDuplicateKeys)
                .build();
    }
}
