package jp.mamori.advisory.osv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.feed.FeedLimits;
import jp.mamori.advisory.feed.SizeLimitedInputStream;

/**
 * Reads an OSV archive such as {@code gs://osv-vulnerabilities/<ecosystem>/all.zip}: every
 * {@code .json} entry is one OSV document, parsed by {@link OsvParser} into its own sink so that
 * the importer can commit per document.
 *
 * <p>The archive is checked as a whole before any entry is parsed, so a refused archive imports
 * nothing: entry count, declared entry sizes and their total against {@link ArchiveLimits}, and
 * entry names (no {@code ..} segment, no absolute path, no backslash or drive letter). Nothing is
 * ever written to disk, but a traversal name is the mark of a hostile archive. Declared sizes can
 * lie, so the decompressed bytes are counted again while reading.
 */
public final class OsvArchiveReader {

    /** Receives one document per archive entry. */
    public interface EntryListener {
        /** The sink for the entry's records; {@code documentName} is {@code all.zip!/GHSA-....json}. */
        FeedSink begin(String documentName);

        /** The entry was parsed completely (commit here). */
        default void end(String documentName) { }

        /** The entry is malformed. The default refuses the rest of the archive; return to skip it. */
        default void failed(String documentName, FeedFormatException error) throws FeedFormatException {
            throw error;
        }
    }

    private final ArchiveLimits limits;
    private final OsvParser parser;

    public OsvArchiveReader() { this(ArchiveLimits.DEFAULT, FeedLimits.DEFAULT); }

    public OsvArchiveReader(ArchiveLimits limits, FeedLimits feedLimits) {
        this.limits = limits;
        this.parser = new OsvParser(feedLimits);
    }

    /** Parses every {@code .json} entry of {@code zip}; returns the number of entries read, failed ones included. */
    public int read(Path zip, EntryListener listener) throws IOException, FeedFormatException {
        String archive = zip.getFileName().toString();
        try (ZipFile zf = open(zip, archive)) {
            check(zf, archive);
            int documents = 0;
            long total = 0;
            for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".json")) continue;
                String doc = archive + "!/" + e.getName();
                long allowed = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
                SizeLimitedInputStream in = new SizeLimitedInputStream(zf.getInputStream(e), allowed, doc,
                        "decompressed entry (ArchiveLimits)");
                try (InputStream closing = in) {
                    parser.parse(closing, doc, listener.begin(doc));
                    listener.end(doc);
                } catch (FeedFormatException ex) {
                    listener.failed(doc, ex);
                } catch (ZipException ex) {
                    throw new FeedFormatException(archive, "entry " + e.getName(), "corrupt zip entry: " + ex.getMessage(), ex);
                }
                total += in.count();
                if (total >= limits.maxTotalBytes()) {
                    throw new FeedFormatException(archive, "entry " + e.getName(), "archive decompresses to more than "
                            + limits.maxTotalBytes() + " bytes (ArchiveLimits.maxTotalBytes)");
                }
                documents++;
            }
            return documents;
        }
    }

    private static ZipFile open(Path zip, String archive) throws IOException, FeedFormatException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new FeedFormatException(archive, null, "not a readable zip archive: " + e.getMessage(), e);
        }
    }

    /** Refuses the archive before anything is parsed. */
    private void check(ZipFile zf, String archive) throws FeedFormatException {
        if (zf.size() > limits.maxEntries()) {
            throw new FeedFormatException(archive, null, "archive has " + zf.size() + " entries, more than "
                    + limits.maxEntries() + " (ArchiveLimits.maxEntries); refused");
        }
        long declared = 0;
        for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String name = e.getName();
            if (!safeName(name)) {
                throw new FeedFormatException(archive, "entry " + printable(name),
                        "unsafe entry name (path traversal or absolute path); archive refused");
            }
            if (e.getSize() > limits.maxEntryBytes()) {
                throw new FeedFormatException(archive, "entry " + name, "entry declares " + e.getSize()
                        + " bytes, more than " + limits.maxEntryBytes() + " (ArchiveLimits.maxEntryBytes); archive refused");
            }
            declared += Math.max(0, e.getSize());
            if (declared > limits.maxTotalBytes()) {
                throw new FeedFormatException(archive, "entry " + name, "entries declare more than "
                        + limits.maxTotalBytes() + " bytes in total (ArchiveLimits.maxTotalBytes); archive refused");
            }
        }
    }

    static boolean safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) return false;
        if (name.length() > 1 && name.charAt(1) == ':') return false; // C:foo
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) return false;
        }
        return true;
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) sb.append(c < 0x20 ? '?' : c);
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }
}
