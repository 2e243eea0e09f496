package jp.mamori.advisory.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import jp.mamori.advisory.Source;

/** One online source. Subclasses fetch, store in the feed cache, hand over, and keep resume state. */
public abstract class SourceSyncClient {

    /** Counters of one run, filled in as the client goes (kept when it fails half-way). */
    public static final class RunStats {
        int documents;
        long bytes;
        int requests;

        public int documents() { return documents; }

        public long bytes() { return bytes; }

        public int requests() { return requests; }
    }

    protected final SyncEnvironment env;
    private boolean firstRequest = true;

    protected SourceSyncClient(SyncEnvironment env) {
        this.env = env;
    }

    public abstract Source source();

    /**
     * Runs one sync of this source.
     *
     * @return a one-line summary for the terminal; {@link SyncSummary.Outcome#UNCHANGED} when it starts with "unchanged"
     * @throws FeedSyncException a request, a document or the import failed; the resume state stays at the last handled document
     */
    public abstract String sync(DocumentHandler handler, ProgressReporter reporter, RunStats stats)
            throws FeedSyncException, InterruptedException;

    /** Waits {@code delay} before every request of this run except the first (the APIs' rate guidance). */
    protected void pace(Duration delay) throws InterruptedException {
        if (!firstRequest && delay != null && !delay.isZero()) env.sleeper().sleep(delay);
        firstRequest = false;
    }

    /** GETs into a fresh temp file of the feed cache. */
    protected HttpFetcher.Result fetch(URI uri, Map<String, String> headers, boolean retryOn403, ProgressReporter reporter, RunStats stats)
            throws FeedSyncException, InterruptedException {
        Path temp;
        try {
            temp = env.cache().newTempFile(source());
        } catch (IOException e) {
            throw new FeedSyncException("cannot write to the feed cache " + env.cache().dir(source()) + ": " + e.getMessage(), null, 0, e);
        }
        stats.requests++;
        return env.fetcher().get(source(), uri, headers, temp, retryOn403, reporter);
    }

    /** Moves a checked download to its cache place. */
    protected Path store(Path temp, String relative) throws FeedSyncException {
        try {
            return env.cache().commit(temp, source(), relative, env.clock().instant());
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new FeedSyncException("cannot write " + relative + " to the feed cache: " + e.getMessage(), null, 0, e);
        }
    }

    /** Hands a stored document over; a failure stops the sync of this source. */
    protected void handle(DocumentHandler handler, Path file, ProgressReporter reporter, RunStats stats)
            throws FeedSyncException, InterruptedException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        try {
            handler.handle(source(), file);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new FeedSyncException("import of " + env.cache().display(file) + " failed: " + m, null, 0, e);
        }
        stats.documents++;
        stats.bytes += size;
        reporter.documentHandled(source(), file, size);
    }

    /** A downloaded document that is not what was asked for: named by URL, removed, never imported. */
    protected FeedSyncException badDocument(HttpFetcher.Result r, String what, IOException e) {
        deleteQuietly(r.file());
        return new FeedSyncException("the response from " + r.uri() + " is not " + what + ": " + e.getMessage(), r.uri().toString(), r.status(), e);
    }

    protected static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // removed by FeedCache.cleanTemp next time
        }
    }

    protected static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
