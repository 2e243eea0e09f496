package jp.mamori.app.feeds;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.store.FeedFileImporter;
import jp.mamori.advisory.store.ImportListener;
import jp.mamori.advisory.sync.FeedSyncService;
import jp.mamori.advisory.sync.ProgressReporter;
import jp.mamori.advisory.sync.SyncSettings;
import jp.mamori.advisory.sync.SyncSummary;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.remediation.FindingRecorder;
import jp.mamori.notify.Notifier;

/**
 * "Sync the feeds online" (NVD incremental, KEV, EPSS, MyJVN, OSV): each fetched document is
 * imported as it arrives and kept under the data directory for offline bundles; then what the
 * changes touch is re-assessed, followed up and audited, like a file import.
 */
public final class SyncFeeds {

    private final Mamori mamori;

    public SyncFeeds(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(SyncSummary summary, FindingRecorder.Result findings, Notifier.Report notifications) { }

    /** The sources a user names, checked: only those that can be synced online. */
    public static Set<Source> sources(List<String> keys) {
        Set<Source> wanted = EnumSet.noneOf(Source.class);
        if (keys == null) return wanted;
        for (String k : keys) {
            try {
                Source src = Source.fromKey(k.trim());
                if (!FeedSyncService.ONLINE_SOURCES.contains(src)) throw new IllegalArgumentException();
                wanted.add(src);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--source: " + k + " はオンライン同期できません / cannot be synced online (nvd, kev, epss, jvn, osv)");
            }
        }
        return wanted;
    }

    public Result run(Actor actor, SyncSettings settings, Set<Source> wanted, ProgressReporter progress, ImportListener importProgress) {
        FeedFileImporter importer = new FeedFileImporter(mamori.database(), mamori.clock(), importProgress);
        Set<String> touched = new LinkedHashSet<>();
        FeedSyncService svc = new FeedSyncService(settings, mamori.database(), mamori.settings().feedsDir(), (src, file) -> {
            FeedFileImporter.Summary s = importer.importPaths(List.of(file), src, false);
            touched.addAll(s.touchedVulnerabilities());
            if (s.failed()) throw new IllegalStateException(String.join("; ", s.failures()));
        });
        SyncSummary summary = svc.sync(wanted, progress);
        ImportFeeds.refreshMatchIndex(mamori);
        FindingRecorder.Result findings = mamori.assessment().reassess(touched, actor.name());
        List<String> outcomes = new ArrayList<>();
        for (SyncSummary.SourceResult r : summary.results()) outcomes.add(r.source().key() + "=" + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        Audited.record(mamori, actor, null, Audited.FEEDS_SYNCED, "feeds", String.join(" ", outcomes) + " touched=" + touched.size()
                + " " + findings.auditFields(true));
        return new Result(summary, findings, mamori.followUp().after(findings));
    }
}
