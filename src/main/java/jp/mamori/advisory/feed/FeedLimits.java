package jp.mamori.advisory.feed;

import jp.mamori.intake.JsonLimits;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Bounds applied while reading a feed document. Feeds come from outside (offline bundles handed
 * in on USB sticks, downloads through proxies), so every dimension that could exhaust memory is
 * capped: nesting depth and string length inside Jackson, and the size of the one record that is
 * held as a tree at a time.
 *
 * @param maxNestingDepth  deepest JSON nesting accepted (real feeds stay below 15)
 * @param maxStringLength  longest JSON string in characters (CVE 5 records may embed base64 media)
 * @param maxNameLength    longest JSON field name
 * @param maxRecordTokens  JSON tokens in one record read as a tree (the largest real NVD records,
 *                         with thousands of cpeMatch entries, stay below a few hundred thousand;
 *                         a million tokens is a tree of roughly 100 MB). Records read ahead on a
 *                         helper thread share the same budget between them.
 */
public record FeedLimits(int maxNestingDepth, int maxStringLength, int maxNameLength, long maxRecordTokens) {

    public static final FeedLimits DEFAULT = new FeedLimits(64, 10_000_000, 10_000, 1_000_000);

    public FeedLimits {
        if (maxNestingDepth < 8 || maxStringLength < 1024 || maxNameLength < 64 || maxRecordTokens < 1000) {
            throw new IllegalArgumentException("feed limits too small to read any real feed");
        }
    }

    public StreamReadConstraints streamReadConstraints() {
        return json().constraints();
    }

    /** These bounds as intake limits (duplicate keys accepted: see {@link JsonLimits}). */
    public JsonLimits json() {
        return new JsonLimits(maxNestingDepth, maxStringLength, maxNameLength, false);
    }
}
