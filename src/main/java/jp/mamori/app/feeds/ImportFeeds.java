package jp.mamori.app.feeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.advisory.store.ImportListener;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.notify.Notifier;

/**
 * "Import feed files" (files, directories, .gz, OSV all.zip, offline bundles): every document in
 * its own transaction as today; then only the findings the changed advisories can touch are
 * re-assessed, raised outcomes are followed up, and the import is audited.
 */
public final class ImportFeeds {

    private final Mamori mamori;

    public ImportFeeds(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(FeedFileImporter.Summary summary, FindingRecorder.Result findings, Notifier.Report notifications) { }

    /**
     * @param source null to detect each document's format; {@code bundle} for offline bundles
     */
    public Result run(Actor actor, List<Path> paths, String source, ImportListener progress) {
        boolean bundle = "bundle".equalsIgnoreCase(source);
        Source forced = null;
        if (source != null && !bundle) {
            try {
                forced = Source.fromKey(source);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("情報源が不明です / unknown source '" + source
                        + "' (nvd | cve5 | jvn | kev | epss | osv | csaf | openvex | cyclonedx-vex | bundle)");
            }
        }
        FeedFileImporter.Summary s;
        try {
            s = new FeedFileImporter(mamori.database(), mamori.clock(), progress).importPaths(paths, forced, bundle);
        } catch (IOException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        refreshMatchIndex(mamori);
        FindingRecorder.Result findings = mamori.assessment().reassess(s.touchedVulnerabilities(), actor.name());
        Audited.record(mamori, actor, null, Audited.FEEDS_IMPORTED, "feeds",
                "documents=" + s.documents() + " failed=" + s.failures().size() + " touched=" + s.touchedVulnerabilities().size()
                        + " " + s.stats().auditFields() + " " + findings.auditFields(true));
        return new Result(s, findings, mamori.followUp().after(findings));
    }

    /** The compiled match index follows the knowledge base (ADR 0015); a failure here leaves scans on the database. */
    static void refreshMatchIndex(Mamori mamori) {
        try {
            mamori.matchIndexes().refresh();
        } catch (RuntimeException e) {
            // A stale index is never used, so a failed build costs only speed.
        }
    }
}
