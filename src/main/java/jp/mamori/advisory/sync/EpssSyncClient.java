package jp.mamori.advisory.sync;

import jp.mamori.advisory.Source;

/** FIRST EPSS daily scores (.csv.gz, kept compressed in the cache), fetched when it changed. */
public final class EpssSyncClient extends ConditionalDownloadClient {

    static final String FILE = "epss_scores-current.csv.gz";
    /** The whole daily file is about 10 MB compressed, 15 MB uncompressed: far below this. */
    static final long MAX_UNCOMPRESSED = 2L * 1024 * 1024 * 1024;

    public EpssSyncClient(SyncEnvironment env) {
        super(env);
    }

    @Override
    public Source source() {
        return Source.EPSS;
    }

    @Override
    public String sync(DocumentHandler handler, ProgressReporter reporter, RunStats stats) throws FeedSyncException, InterruptedException {
        env.cache().cleanTemp(source());
        return download("epss", env.settings().epssUrl(), FILE, "a gzip-compressed EPSS scores CSV", file -> {
            DocumentProbe.EpssFile f = DocumentProbe.epss(file, MAX_UNCOMPRESSED);
            return f.rows() + " EPSS scores" + (f.metaLine() == null ? "" : " (" + f.metaLine().substring(1) + ")");
        }, handler, reporter, stats);
    }
}
