package jp.mamori.advisory.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whole-file sources (KEV, EPSS, OSV all.zip): a conditional GET (If-None-Match / If-Modified-Since
 * from the last successful download) skips an unchanged file; a server without validators is
 * caught by comparing the SHA-256 with the last imported file. Validators are saved only after the
 * document was handed over, so a failed import is retried by the next sync instead of being
 * skipped as "not modified".
 */
abstract class ConditionalDownloadClient extends SourceSyncClient {

    /** Checks a downloaded file and describes it ("1404 entries, catalog 2025.08.25"). */
    @FunctionalInterface
    interface Check {
        String check(Path file) throws IOException;
    }

    ConditionalDownloadClient(SyncEnvironment env) {
        super(env);
    }

    /**
     * @param key      the state key of this file (the source's key or the OSV ecosystem)
     * @param relative its place in the feed cache
     * @param what     "a CISA KEV catalogue", for messages
     * @return the summary line, starting with "unchanged" when nothing was handed over
     */
    protected String download(String key, URI uri, String relative, String what, Check check, DocumentHandler handler,
                              ProgressReporter reporter, RunStats stats) throws FeedSyncException, InterruptedException {
        ObjectNode state = env.state().load(source());
        ObjectNode http = state.get("http") instanceof ObjectNode o ? o : state.putObject("http");
        JsonNode previous = http.get(key);
        Path cached = env.cache().path(source(), relative);
        boolean haveCopy = Files.isRegularFile(cached) && previous != null;
        Map<String, String> headers = new LinkedHashMap<>();
        if (haveCopy) {
            String etag = text(previous, "etag");
            String lastModified = text(previous, "lastModified");
            if (etag != null) headers.put("If-None-Match", etag);
            if (lastModified != null) headers.put("If-Modified-Since", lastModified);
        }
        pace(Duration.ZERO); // static files: no rate limit beyond the retry back-off
        HttpFetcher.Result r = fetch(uri, headers, false, reporter, stats);
        if (r.notModified()) {
            return "unchanged (HTTP 304 Not Modified): " + uri;
        }
        String description;
        try {
            description = check.check(r.file());
        } catch (IOException e) {
            throw badDocument(r, what, e);
        }
        String sha;
        try {
            sha = sha256(r.file());
        } catch (IOException e) {
            deleteQuietly(r.file());
            throw new FeedSyncException("cannot read the download of " + uri + ": " + e.getMessage(), uri.toString(), r.status(), e);
        }
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        r.header("ETag").ifPresent(e -> v.put("etag", e));
        r.header("Last-Modified").ifPresent(lm -> v.put("lastModified", lm));
        v.put("sha256", sha);
        v.put("file", relative);
        if (haveCopy && sha.equals(text(previous, "sha256"))) {
            deleteQuietly(r.file());
            v.put("fetchedAt", text(previous, "fetchedAt"));
            http.set(key, v);
            env.state().save(source(), state);
            return "unchanged (same content): " + uri;
        }
        Path file = store(r.file(), relative);
        handle(handler, file, reporter, stats);
        v.put("fetchedAt", env.clock().instant().toString());
        http.set(key, v);
        env.state().save(source(), state);
        return description;
    }
}
