package jp.mamori.advisory.sync;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.mamori.advisory.Source;

/**
 * OSV: one {@code all.zip} per configured ecosystem (kept whole in the cache as
 * {@code feeds/osv/<ecosystem>/all.zip}; the importer reads its entries). ETag / Last-Modified skip
 * unchanged archives. One failing ecosystem does not stop the others; the source then fails with
 * all their errors.
 */
public final class OsvSyncClient extends ConditionalDownloadClient {

    /** OSV's largest archives have a few hundred thousand records. */
    static final int MAX_ENTRIES = 2_000_000;

    public OsvSyncClient(SyncEnvironment env) {
        super(env);
    }

    @Override
    public Source source() {
        return Source.OSV;
    }

    /** The cache directory of an ecosystem: its name with anything but letters, digits, '.', '_', '-' replaced. */
    static String directory(String ecosystem) {
        String d = ecosystem.replaceAll("[^A-Za-z0-9._-]", "_");
        return d.startsWith(".") ? "_" + d.substring(1) : d;
    }

    @Override
    public String sync(DocumentHandler handler, ProgressReporter reporter, RunStats stats) throws FeedSyncException, InterruptedException {
        env.cache().cleanTemp(source());
        List<String> done = new ArrayList<>();
        List<FeedSyncException> failures = new ArrayList<>();
        int unchanged = 0;
        for (String ecosystem : env.settings().osv().ecosystems()) {
            URI uri = env.settings().osv().url(ecosystem);
            reporter.message(source(), ecosystem + ": " + uri);
            try {
                String line = download("eco:" + ecosystem.toLowerCase(Locale.ROOT), uri, directory(ecosystem) + "/all.zip",
                        "an OSV all.zip archive", file -> DocumentProbe.osvZip(file, MAX_ENTRIES) + " OSV records",
                        handler, reporter, stats);
                if (line.startsWith("unchanged")) unchanged++;
                done.add(ecosystem + ": " + line);
            } catch (FeedSyncException e) {
                failures.add(e);
                reporter.message(source(), ecosystem + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            FeedSyncException first = failures.get(0);
            StringBuilder m = new StringBuilder();
            for (FeedSyncException f : failures) m.append(m.length() == 0 ? "" : "; ").append(f.getMessage());
            throw new FeedSyncException(m.toString(), first.url(), first.httpStatus(), first);
        }
        String joined = String.join("; ", done);
        return unchanged == done.size() ? "unchanged: " + joined : joined;
    }
}
