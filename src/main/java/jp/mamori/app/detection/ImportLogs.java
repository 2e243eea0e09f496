package jp.mamori.app.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.InvalidInputException;
import jp.mamori.app.Mamori;
import jp.mamori.audit.AuditDetail;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogFileException;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.store.DetectionStore;
import jp.mamori.notify.Notifier;

/**
 * "Import gateway and proxy logs": every file read and run through all rules (gateway logs before
 * proxy logs, so that desktops learned from ICA launches name the proxy's clients), then the
 * imports, the new detections, their incidents, learned desktops and the audit entry stored in one
 * transaction; a file that cannot be read as a whole stores nothing of the run. A file imported
 * before (same content) is skipped. New incidents notify the security officer at once.
 */
public final class ImportLogs {

    private final Mamori mamori;

    public ImportLogs(Mamori mamori) {
        this.mamori = mamori;
    }

    /** One file to read: its path, the name shown as evidence, and how to read it. */
    public record Input(Path path, String displayName) { }

    /** How to read the files: source (null = detect), format string, zone (null = Asia/Tokyo), the device's asset code. */
    public record Options(LogSource source, String formatString, ZoneId zone, String assetCode) { }

    public record FileResult(String name, LogSource source, long lines, long events, long rejected, List<LogReader.Rejected> rejectedLines,
                             String notice, boolean alreadyImported) { }

    public record Result(List<FileResult> files, int detections, int duplicates, List<Long> incidentsOpened, List<Long> incidentsUpdated,
                         Notifier.Report notifications) { }

    public Result run(Actor actor, long orgId, List<Input> inputs, Options options) {
        DetectionContext ctx = DetectionContext.load(mamori, orgId, options.assetCode());
        List<Detection> found = new ArrayList<>();
        DetectionEngine engine = ctx.engine(found::add);
        record Read(Input in, String sha, LogReader.Report report) { }
        List<Read> reads = new ArrayList<>();
        List<FileResult> results = new ArrayList<>();
        // Gateways first: sniff each file's source when not given, then order.
        List<Input> ordered = new ArrayList<>(inputs);
        Map<Input, Boolean> gateway = new HashMap<>();
        for (Input in : inputs) gateway.put(in, options.source() != null ? options.source().gateway() : looksLikeGateway(in.path()));
        ordered.sort((a, b) -> Boolean.compare(!gateway.get(a), !gateway.get(b)));
        Instant now = mamori.clock().instant();
        for (Input in : ordered) {
            String sha = sha256(in);
            var before = mamori.detections().importedFile(orgId, sha);
            if (before.isPresent()) {
                results.add(new FileResult(in.displayName(), LogSource.fromKey(before.get().source()), before.get().lines(), before.get().events(),
                        before.get().rejected(), List.of(), before.get().notice(), true));
                continue;
            }
            LogReader.Report report;
            try (InputStream s = Files.newInputStream(in.path())) {
                report = new LogReader().read(s, new LogReader.Options(options.source(), options.formatString(), options.zone() == null ? ctx.policy().zone() : options.zone(),
                        now, 0), (LogEvent e) -> engine.accept(e, in.displayName(), ctx.device()));
            } catch (LogFileException e) {
                throw new InvalidInputException(in.displayName() + ": " + e.getMessage() + "（このコマンドの取り込みは行っていません / nothing of this run was imported）", e);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(in.displayName() + ": " + e.getMessage(), e);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("ファイルがありません / no such file: " + in.displayName(), e);
            } catch (IOException e) {
                throw new InvalidInputException(in.displayName() + ": 読めません / cannot read: " + e.getMessage(), e);
            }
            reads.add(new Read(in, sha, report));
            results.add(new FileResult(in.displayName(), report.source(), report.lines(), report.events(), report.rejectedCount(),
                    report.rejected(), report.notice(), false));
        }
        engine.finish();
        if (reads.isEmpty()) return new Result(results, 0, 0, List.of(), List.of(), Notifier.Report.NONE);
        DetectionStore store = mamori.detections();
        DetectionStore.Saved saved = mamori.database().inTransaction(c -> {
            Map<String, Long> importIds = new LinkedHashMap<>();
            for (Read r : reads) {
                LogReader.Report rep = r.report();
                long id = store.recordImport(c, orgId, new DetectionStore.ImportRow(0, r.in().displayName(), r.sha(), rep.source().key(), options.assetCode(),
                        rep.lines(), rep.events(), rep.rejectedCount(), rep.first(), rep.last(), rep.notice(), now, actor.name()));
                importIds.put(r.in().displayName(), id);
            }
            Long firstImport = importIds.values().iterator().next();
            DetectionStore.Saved s = store.save(c, orgId, firstImport, found, ctx.assetIds(), ctx.findingIds(), ctx.policy().thresholds().incidentWindow());
            store.putDesktops(c, orgId, engine.learnedDesktops(), Map.of(), Map.of(), now);
            StringBuilder files = new StringBuilder();
            for (Read r : reads) files.append(files.length() == 0 ? "" : ",").append(r.in().displayName()).append('(').append(r.report().source().key())
                    .append(' ').append(r.report().lines()).append(" lines, ").append(r.report().rejectedCount()).append(" rejected)");
            Audited.record(mamori, c, actor, orgId, Audited.LOGS_IMPORTED, "logs:" + (options.assetCode() == null ? "-" : options.assetCode()),
                    "files=" + AuditDetail.quote(files) + " detections=" + s.detections() + " incidents_opened=" + s.incidentsOpened());
            IncidentNotices.opened(mamori, c, actor, orgId, ctx.systemId(), options.assetCode(), s.incidentsOpened(), now);
            return s;
        });
        Notifier.Report sent = saved.incidentsOpened().isEmpty() ? Notifier.Report.NONE : mamori.notifier().flush();
        return new Result(results, saved.detections(), saved.duplicates(), saved.incidentsOpened(), saved.incidentsUpdated(), sent);
    }

    private static boolean looksLikeGateway(Path p) {
        try (InputStream s = Files.newInputStream(p)) {
            LogSource src = LogReader.sniff(s);
            return src == null || src.gateway();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static String sha256(Input in) {
        try (InputStream s = new DigestInputStream(Files.newInputStream(in.path()), MessageDigest.getInstance("SHA-256"))) {
            s.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) s).getMessageDigest().digest());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("ファイルがありません / no such file: " + in.displayName(), e);
        } catch (IOException e) {
            throw new InvalidInputException(in.displayName() + ": 読めません / cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
