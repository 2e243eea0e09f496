package jp.mamori.cli;

import jp.mamori.app.Mamori;
import jp.mamori.app.scan.KnowledgeFreshness;
import jp.mamori.app.scan.ScanSbom;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.advisory.FeedParsers;
import jp.mamori.advisory.FeedSink;
import jp.mamori.advisory.Source;
import jp.mamori.advisory.VexStatement;
import jp.mamori.advisory.FeedDetector;
import jp.mamori.advisory.feed.FeedInputs;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.advisory.store.StoreAdvisoryLookup;
import jp.mamori.assessment.AssessedFinding;
import jp.mamori.assessment.Assessor;
import jp.mamori.assessment.FindingOrder;
import jp.mamori.assessment.report.CycloneDxVexWriter;
import jp.mamori.assessment.report.SarifWriter;
import jp.mamori.assessment.report.ScanJson;
import jp.mamori.assessment.report.ScanTable;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.matching.MatchEngine;
import jp.mamori.matching.MatchTarget;
import jp.mamori.persistence.Database;
import jp.mamori.triage.AssetContext;
import jp.mamori.triage.Triage;
import jp.mamori.triage.ssvc.Exposure;
import jp.mamori.triage.ssvc.Mission;
import jp.mamori.triage.ssvc.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori scan SBOM}: what in this component list is vulnerable, how urgent, and why. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"SBOMを知識ベースと照合し、対応の優先度と期限を示します。",
                "Matches an SBOM (or a device list in CycloneDX) against the knowledge base and triages every finding."})
public class ScanCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db = new DatabaseOptions();
    @Parameters(paramLabel = "SBOM") Path sbom;
    @Option(names = "--exposure", defaultValue = "controlled", description = "open | controlled | small (default: ${DEFAULT-VALUE})") String exposure;
    @Option(names = "--mission", defaultValue = "medium", description = "low | medium | high (default: ${DEFAULT-VALUE})") String mission;
    @Option(names = "--format", defaultValue = "table", description = "table | json | sarif | cyclonedx-vex") String format;
    @Option(names = "--fail-on", description = "act | attend | track-star | track: exit 1 when a finding reaches it") String failOn;
    @Option(names = {"--allow-empty", "--allow-stale"}, description = "知識ベースが空・古くても照合する（警告は出ます） / "
            + "scan even when the knowledge base is empty or stale (the warning is still printed)") boolean allowEmpty;
    @Option(names = "--max-age-days", paramLabel = "N", description = "最新データがN日より古ければ警告して終了3（0で確認しない、既定 "
            + "MAMORI_KB_MAX_AGE_DAYS または 14） / warn and exit 3 when the newest data is older (0: no check; default "
            + "MAMORI_KB_MAX_AGE_DAYS or 14)") Integer maxAgeDays;
    @Option(names = "--strict", description = "スキーマ違反が1件でもあれば照合しません（既定：安全に読めれば注意を表示して照合） / "
            + "refuse the SBOM for any schema problem (default: print the warnings and scan it when it can be read safely)") boolean strict;
    @Option(names = "--vex", description = "VEX document(s) to apply on top of the knowledge base's (OpenVEX, CycloneDX VEX, CSAF VEX)") List<Path> vexFiles = new ArrayList<>();

    private ScanTimings timings;

    @Override
    public Integer call() throws IOException {
        timings = new ScanTimings();
        Exposure exp = parse(() -> Exposure.fromKey(exposure.toLowerCase(Locale.ROOT)), "--exposure must be open, controlled or small");
        Mission mis = parse(() -> Mission.fromKey(mission.toLowerCase(Locale.ROOT)), "--mission must be low, medium or high");
        Outcome threshold = failOn == null ? null : parse(() -> Outcome.fromKey(failOn.toLowerCase(Locale.ROOT)),
                "--fail-on must be act, attend, track-star or track");
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "json", "sarif", "cyclonedx-vex").contains(fmt)) {
            throw new BadInputException("--format must be table, json, sarif or cyclonedx-vex");
        }
        // An existing database and its match index are opened while the SBOM is read: on a cold
        // start both take hundreds of milliseconds, and a run has two cores. A bad SBOM is still
        // reported as before (its error first, nothing left open), and a data directory that holds
        // no database yet is only created once the SBOM has been read.
        CompletableFuture<Mamori> opening = existingDatabase()
                ? CompletableFuture.supplyAsync(this::openWithIndexTimed, ScanCommand::startDaemon) : null;
        SbomDocument doc;
        List<VexStatement> vex;
        try {
            doc = ScanSbom.read(sbom, strict ? jp.mamori.inventory.sbom.Strictness.STRICT : jp.mamori.inventory.sbom.Strictness.LENIENT);
            vex = ScanSbom.readVex(vexFiles);
        } catch (RuntimeException e) {
            try {
                if (opening != null) opening.join().close();
            } catch (RuntimeException ignored) {
                // the SBOM's error is the one to report
            }
            throw e;
        }
        // on stderr, so that JSON, SARIF and VEX on stdout stay clean (ADR 0018: warnings, not a refusal)
        printWarnings(doc.warnings());
        timings.mark("SBOM read");
        List<AssessedFinding> findings;
        try (Mamori m = opening != null ? joined(opening) : openWithIndex()) {
            timings.mark("waiting for the database");
            int maxAge = maxAgeDays != null ? maxAgeDays : m.settings().kbMaxAgeDays();
            KnowledgeFreshness kb = m.scanSbom().freshness(maxAge);
            if (kb.state() != KnowledgeFreshness.State.CURRENT) {
                warn(kb);
                if (!allowEmpty) return ExitCode.FAILURE;
            }
            timings.mark("freshness check");
            AssetContext ctx = new AssetContext(exp, mis, "--exposure " + exp.key(), "--mission " + mis.key());
            findings = m.scanSbom().assess(doc, ctx, vex);
            timings.mark("assessment");
        }
        timings.mark("closing the database");
        switch (fmt) {
            case "json" -> Json.println(System.out, ScanJson.build(doc.format(), doc.specVersion(), doc.components().size(), findings));
            case "sarif" -> Json.println(System.out, SarifWriter.write(sbom.getFileName().toString(), VersionProvider.version(), findings));
            case "cyclonedx-vex" -> System.out.println(CycloneDxVexWriter.write(doc, findings));
            default -> printTable(doc, findings);
        }
        timings.mark("output");
        timings.print();
        if (threshold != null) {
            boolean reached = findings.stream().anyMatch(f -> !f.suppressed() && !f.candidate() && f.triage() != null
                    && FindingOrder.outcomeRank(f.triage().outcome()) >= FindingOrder.outcomeRank(threshold));
            if (reached) return ExitCode.THRESHOLD;
        }
        return ExitCode.OK;
    }

    private static void printWarnings(List<String> warnings) {
        if (warnings.isEmpty()) return;
        System.err.println("注意 " + warnings.size() + " 件付きで読みました / read with " + warnings.size()
                + (warnings.size() == 1 ? " warning" : " warnings"));
        warnings.stream().limit(SbomCommand.PRINTED_WARNINGS).forEach(w -> System.err.println("注意 / warning: " + w));
        if (warnings.size() > SbomCommand.PRINTED_WARNINGS) {
            System.err.println("ほか " + (warnings.size() - SbomCommand.PRINTED_WARNINGS) + " 件 / "
                    + (warnings.size() - SbomCommand.PRINTED_WARNINGS) + " more");
        }
    }

    /**
     * An empty result from an empty or stale knowledge base is no all-clear: say so in both
     * languages on stderr (so that JSON and SARIF on stdout stay clean), naming what to do.
     */
    private void warn(KnowledgeFreshness kb) {
        String where = db.settings().isEmbedded() ? "--data " + db.dataDir() : db.settings().displayUrl();
        if (kb.state() == KnowledgeFreshness.State.EMPTY) {
            System.err.println("警告: 知識ベースに脆弱性の記録がありません（" + where + "）。このまま照合しても「該当なし」は"
                    + "安全を意味しません。先に mamori feeds import（または feeds sync）で脆弱性情報を取り込んでください。"
                    + "それでも照合する場合は --allow-empty を指定してください。");
            System.err.println("warning: the knowledge base holds no vulnerability records (" + where + "); an empty result"
                    + " would not mean 'nothing vulnerable'. Import feeds first (mamori feeds import or feeds sync), or pass"
                    + " --allow-empty to scan anyway.");
        } else {
            System.err.println("警告: 知識ベースの最新データは " + kb.newestDate() + "（" + kb.ageDays() + " 日前）で、上限の "
                    + kb.maxAgeDays() + " 日より古くなっています（" + where + "）。その後に公表された脆弱性は照合されません。"
                    + "mamori feeds sync（閉域網では feeds import --source bundle）で更新してください。"
                    + "それでも照合する場合は --allow-empty、上限を変える場合は --max-age-days を指定してください。");
            System.err.println("warning: the knowledge base's newest data is from " + kb.newestDate() + " (" + kb.ageDays()
                    + " days ago), older than the " + kb.maxAgeDays() + " days allowed (" + where + "); vulnerabilities"
                    + " published since are not matched. Update it (mamori feeds sync, or feeds import --source bundle on a"
                    + " closed network), or pass --allow-empty to scan anyway or --max-age-days to change the limit.");
        }
    }

    private boolean existingDatabase() {
        var settings = db.settings();
        if (!settings.isEmbedded()) return true;
        Path dir = settings.embeddedDirectory();
        return dir != null && java.nio.file.Files.isRegularFile(dir.resolve("mamori.mv.db"));
    }

    private Mamori openWithIndexTimed() {
        long t0 = System.nanoTime();
        Mamori m = openWithIndex();
        timings.opened(System.nanoTime() - t0);
        return m;
    }

    private Mamori openWithIndex() {
        Mamori m = db.mamori();
        try {
            m.matchIndexes().current();
        } catch (RuntimeException e) {
            // No usable index: the scan reads the database's key tables (same findings).
        }
        return m;
    }

    private static void startDaemon(Runnable r) {
        Thread t = new Thread(r, "mamori-open");
        t.setDaemon(true);
        t.start();
    }

    private static Mamori joined(CompletableFuture<Mamori> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    static List<MatchTarget> targets(SbomDocument doc) {
        return ScanSbom.targets(doc);
    }

    private void printTable(SbomDocument doc, List<AssessedFinding> findings) {
        ObjectNode summary = (ObjectNode) ScanJson.build(doc.format(), doc.specVersion(), doc.components().size(), findings).get("summary");
        System.out.println(sbom.getFileName() + ": " + doc.format() + " " + doc.specVersion() + "、コンポーネント " + doc.components().size() + " 件");
        System.out.println("直ちに対応(Act) " + summary.get("act").asInt() + " / 優先して対応(Attend) " + summary.get("attend").asInt()
                + " / 注視(Track*) " + summary.get("trackStar").asInt() + " / 通常(Track) " + summary.get("track").asInt()
                + "   候補（要確認） " + summary.get("candidates").asInt() + " / VEXで除外 " + summary.get("suppressed").asInt());
        TextTable t = new TextTable(ScanTable.HEADERS);
        for (String[] row : ScanTable.rows(findings)) t.row((Object[]) row);
        if (!t.isEmpty()) System.out.print(t);
        findings.stream().filter(f -> !f.suppressed() && !f.candidate() && f.explanation() != null).limit(3)
                .forEach(f -> System.out.println("\n■ " + f.match().vulnId() + "（" + f.target().name() + " " + f.target().version() + "）\n  "
                        + f.explanation().ja()));
        List<AssessedFinding> candidates = findings.stream().filter(AssessedFinding::candidate).toList();
        if (!candidates.isEmpty()) {
            System.out.println("\n候補（版の情報がなく確認が必要） / candidates to check:");
            candidates.forEach(f -> System.out.println("  " + f.match().vulnId() + "  " + f.target().name() + " " + f.target().version()
                    + "  [" + f.match().source().key() + " " + f.match().criterion() + "]"));
        }
        List<AssessedFinding> suppressed = findings.stream().filter(AssessedFinding::suppressed).toList();
        if (!suppressed.isEmpty()) {
            System.out.println("\nVEXにより除外 / suppressed by VEX:");
            suppressed.forEach(f -> System.out.println("  " + f.match().vulnId() + "  " + f.target().name() + "  " + f.vex().status().key()
                    + (f.vex().justification() == null ? "" : " (" + f.vex().justification() + ")") + "  [" + f.vex().source().key() + " " + f.vex().documentId() + "]"));
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> s, String message) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(message);
        }
    }
}
