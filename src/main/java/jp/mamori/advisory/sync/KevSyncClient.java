package jp.mamori.advisory.sync;

import jp.mamori.advisory.Source;

/** CISA Known Exploited Vulnerabilities catalogue: one JSON file, fetched when it changed. */
public final class KevSyncClient extends ConditionalDownloadClient {

    static final String FILE = "known_exploited_vulnerabilities.json";

    public KevSyncClient(SyncEnvironment env) {
        super(env);
    }

    @Override
    public Source source() {
        return Source.KEV;
    }

    @Override
    public String sync(DocumentHandler handler, ProgressReporter reporter, RunStats stats) throws FeedSyncException, InterruptedException {
        env.cache().cleanTemp(source());
        return download("kev", env.settings().kevUrl(), FILE, "a CISA KEV catalogue", file -> {
            DocumentProbe.KevCatalog c = DocumentProbe.kev(file);
            return c.count() + " KEV entries" + (c.catalogVersion() == null ? "" : ", catalog " + c.catalogVersion());
        }, handler, reporter, stats);
    }
}
