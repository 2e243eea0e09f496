package jp.mamori.advisory.osv;

/**
 * Bounds on an OSV archive. The largest per-ecosystem {@code all.zip} files hold a few hundred
 * thousand records of a few kilobytes each; anything far beyond that is a wrong or hostile file.
 *
 * @param maxEntries    entries in the archive, directories included
 * @param maxEntryBytes decompressed bytes of one entry (one OSV record)
 * @param maxTotalBytes decompressed bytes of all entries together
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(1_000_000, 32L << 20, 8L << 30);

    public ArchiveLimits {
        if (maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
