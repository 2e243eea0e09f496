/**
 * What every feed parser shares: opening files ({@link jp.mamori.advisory.feed.FeedInputs}:
 * gzip with a bound on the decompressed size), the limits applied to hostile input
 * ({@link jp.mamori.advisory.feed.FeedLimits}), the streaming JSON walk that holds one record
 * at a time ({@link jp.mamori.advisory.feed.JsonFeedReader}, {@link jp.mamori.advisory.feed.JsonRecord}
 * for errors that name the file, line and JSON pointer), bounded CSV and line readers, and the
 * small text rules (timestamps, CWE ids, CVSS versions, languages, SSVC) applied the same way by
 * every source. Plain Java and Jackson 2 only; no framework types.
 */
package jp.mamori.advisory.feed;
