package jp.mamori.advisory.bundle;

import java.time.Instant;
import java.util.List;
import jp.mamori.advisory.Source;

/**
 * {@code manifest.json} of an offline feed bundle:
 * <pre>
 * {"format": "mamori-feed-bundle", "formatVersion": 1, "createdAt": "2026-11-20T03:00:00Z",
 *  "files": [{"path": "feeds/nvd/modified-…/cves-0000000.json", "source": "nvd",
 *             "fetchedAt": "2026-11-20T02:59:01Z", "size": 123456, "sha256": "…64 hex…"}, …]}
 * </pre>
 * Files are listed in import order.
 */
public record BundleManifest(int formatVersion, Instant createdAt, List<Entry> files) {

    public static final String FORMAT = "mamori-feed-bundle";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST_NAME = "manifest.json";
    public static final String FEEDS_PREFIX = "feeds/";

    public record Entry(String path, Source source, Instant fetchedAt, long size, String sha256) { }

    public BundleManifest {
        files = List.copyOf(files);
    }

    public long totalSize() {
        return files.stream().mapToLong(Entry::size).sum();
    }
}
