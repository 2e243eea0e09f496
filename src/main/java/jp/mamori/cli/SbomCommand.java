package jp.mamori.cli;

import jp.mamori.app.Mamori;
import jp.mamori.app.inventory.AddSbom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.ItSystem;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.SbomStore;
import jp.mamori.inventory.SbomStore.StoredSbom;
import jp.mamori.inventory.KnowledgeBaseCpeSuggester;
import jp.mamori.inventory.sbom.Component;
import jp.mamori.inventory.sbom.CpeSuggester;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.inventory.sbom.SbomDiff;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomReader;
import jp.mamori.inventory.sbom.Strictness;
import jp.mamori.inventory.scope.CriterionResult;
import jp.mamori.inventory.scope.SbomScopeCheck;
import jp.mamori.inventory.scope.ScopeReport;
import jp.mamori.inventory.scope.Tier;
import jp.mamori.persistence.Database;
import jp.mamori.remediation.FindingRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori sbom add|confirm|confirm-id|decisions|list|check|diff}. */
@Command(name = "sbom", mixinStandardHelpOptions = true, description = {"SBOMの登録・確認・比較", "SBOM intake, scope check and diff."},
        subcommands = {SbomCommand.Add.class, SbomCommand.Confirm.class, SbomCommand.ConfirmId.class, SbomCommand.Decisions.class, SbomCommand.ListSboms.class,
                SbomCommand.Check.class, SbomCommand.Diff.class})
public class SbomCommand {

    static SbomDocument read(Path file) {
        return read(file, CpeSuggester.NONE, Strictness.LENIENT);
    }

    /** With a database: vendor-table rows get CPE suggestions from the products the knowledge base knows. */
    static SbomDocument read(Path file, CpeSuggester suggester, Strictness strictness) {
        try {
            return new SbomReader(SbomLimits.defaults(), suggester, strictness).read(file);
        } catch (SbomFormatException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Shown at most this many; the SBOM page and the API give every stored one. */
    static final int PRINTED_WARNINGS = 20;

    /** "accepted with N warnings" and each warning with its place (JSON pointer, XML line), first the schema problems. */
    static void printWarnings(List<String> warnings) {
        if (warnings.isEmpty()) return;
        System.out.println("注意 " + warnings.size() + " 件付きで受け付けました / accepted with " + warnings.size()
                + (warnings.size() == 1 ? " warning" : " warnings"));
        warnings.stream().limit(PRINTED_WARNINGS).forEach(w -> System.out.println("注意 / warning: " + w));
        if (warnings.size() > PRINTED_WARNINGS) {
            System.out.println("ほか " + (warnings.size() - PRINTED_WARNINGS) + " 件 / " + (warnings.size() - PRINTED_WARNINGS) + " more");
        }
    }

    /**
     * The vendor-table rows whose identifiers Mamori suggested (issue 13 defect 5): their matches are candidates
     * (推定) until someone confirms them, so the command that does it is printed beside each.
     */
    static void printSuggested(SbomDocument doc, String assetCode) {
        List<Component> suggested = doc.components().stream()
                .filter(c -> c.idOrigin() == jp.mamori.inventory.sbom.IdentifierOrigin.SUGGESTED).toList();
        if (suggested.isEmpty()) return;
        System.out.println("推定した識別子 " + suggested.size() + " 件（確認するまで検出は候補です） / " + suggested.size()
                + " suggested identifier(s): their matches are candidates until confirmed");
        suggested.stream().limit(PRINTED_WARNINGS).forEach(c -> System.out.println("  推定 / suggested: " + c.ref() + " " + c.displayName()
                + (c.version() == null ? "" : " " + c.version()) + " → " + (c.purl() != null ? c.purl() : c.cpe())
                + (c.purl() != null && c.cpe() != null ? " " + c.cpe() : "")
                + "  （mamori sbom confirm-id --asset " + assetCode + " --component " + c.ref() + "）"));
        if (suggested.size() > PRINTED_WARNINGS) {
            System.out.println("  ほか " + (suggested.size() - PRINTED_WARNINGS) + " 件 / " + (suggested.size() - PRINTED_WARNINGS) + " more");
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "資産にSBOMを登録し、照合します / attach an SBOM to an asset and match it")
    static class Add extends OrganizationCommand {
        @Option(names = "--asset", required = true, description = "資産コード / asset code") String assetCode;
        @Option(names = "--asset-version", description = "このSBOMが対象とする資産の版 / asset version the SBOM describes") String assetVersion;
        @Parameters(paramLabel = "FILE", description = "CycloneDX (JSON/XML), SPDX (JSON/tag-value), or a vendor table (CSV/.xlsx)") Path file;

        @Option(names = "--confirm", description = "情報セキュリティ担当として確認：空のSBOM、または未対応の検出を解消扱いにするSBOMも登録 / "
                + "confirm as the security officer: accept an empty SBOM or one that closes open findings") boolean confirm;

        @Option(names = "--strict", description = "スキーマ違反が1件でもあれば登録しません（既定：安全に読めれば注意付きで登録） / "
                + "refuse the SBOM for any schema problem (default: import it with warnings when it can be read safely)") boolean strict;

        @Override
        void check() {
            if (!java.nio.file.Files.isRegularFile(file)) throw new BadInputException(file + ": ファイルがありません / no such file");
        }

        @Override
        Integer run(Mamori m, Organization o) {
            Asset asset = m.inventory().assets().require(o.id(), assetCode);
            try {
                AddSbom.Result r = m.addSbom().run(CliActor.of(null), o.id(), asset.id(),
                        new AddSbom.Input(file, file.getFileName().toString(), assetVersion, confirm, strict));
                SbomDocument doc = r.document();
                long noId = r.withoutIdentifier();
                System.out.println((r.held() ? "SBOMを確認待ちで保存しました / SBOM held for review: #" : "SBOMを登録しました / SBOM added: #")
                        + r.sbom().id() + " " + doc.format() + " " + doc.specVersion()
                        + "  コンポーネント " + doc.components().size() + " 件（識別子なし " + noId + " 件）");
                printWarnings(doc.warnings());
                printSuggested(doc, assetCode);
                ScopeReport report = r.scope();
                System.out.println("SBOMの範囲 / scope: 必要 " + Labels.tier(r.requiredTier()) + "、達成 " + report.achieved().map(Labels::tier).orElse("なし / none")
                        + (report.meetsRequired() ? "（充足）" : "（不足: " + report.gaps().size() + " 項目）"));
                if (r.held()) {
                    System.out.println("未対応の検出 " + r.wouldClose().size() + " 件が解消扱いになるため、情報セキュリティ担当の確認が必要です: mamori sbom confirm " + r.sbom().id());
                    System.out.println(r.wouldClose().size() + " open finding(s) would close; a security officer must confirm.");
                } else {
                    FindingRecorder.Result f = r.findings();
                    System.out.println("検出 / findings: 新規 " + f.detected() + "、再発 " + f.reopened() + "、更新 " + f.updated() + "、解消 " + f.closed());
                }
                RemediationContext.report(r.notifications());
                return ExitCode.OK;
            } catch (AddSbom.Refused e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "確認待ちのSBOMを現行にし、削除されたコンポーネントの検出を解消します / make a held SBOM current and close what it drops")
    static class Confirm extends OrganizationCommand {
        @Parameters(paramLabel = "SBOM_ID") long sbomId;
        @Option(names = "--by", paramLabel = "USER", description = "確認者 / who confirms") String by;

        @Override
        Integer run(Mamori m, Organization o) {
            FindingRecorder.Result f = m.addSbom().confirm(CliActor.of(by), o.id(), sbomId);
            System.out.println("SBOM #" + sbomId + " を現行にしました / is now current: 検出 解消 " + f.closed() + "、新規 " + f.detected());
            return ExitCode.OK;
        }
    }

    @Command(name = "confirm-id", mixinStandardHelpOptions = true,
            description = {"Mamoriが推定したベンダー表の行の識別子（purl/CPE）を確認・訂正・却下します。同じサプライヤ・名称の行にも適用されます",
                    "confirm, correct or reject the identifier Mamori suggested for a vendor-table row; applies to every row of the same supplier and name"})
    static class ConfirmId extends OrganizationCommand {
        @Option(names = "--asset", required = true, description = "資産コード / asset code") String assetCode;
        @Option(names = "--component", required = true, paramLabel = "REF", description = "行の参照（row-3 など） / the row's reference (such as row-3)")
        String ref;
        @Option(names = "--purl", description = "訂正する purl / the corrected purl") String purl;
        @Option(names = "--cpe", description = "訂正する CPE 2.3 / the corrected CPE 2.3 name") String cpe;
        @Option(names = "--reject", description = "推定を却下（この行は照合しません） / reject the suggestion (the row is not matched)") boolean reject;
        @Option(names = "--by", paramLabel = "USER", description = "確認者 / who confirms") String by;

        @Override
        Integer run(Mamori m, Organization o) {
            Asset asset = m.inventory().assets().require(o.id(), assetCode);
            jp.mamori.app.inventory.ConfirmIdentifier.Result r = m.confirmIdentifier().run(CliActor.of(by), o.id(),
                    new jp.mamori.app.inventory.ConfirmIdentifier.Input(asset.id(), ref, reject
                            ? jp.mamori.app.inventory.ConfirmIdentifier.Verdict.REJECT : jp.mamori.app.inventory.ConfirmIdentifier.Verdict.CONFIRM,
                            purl, cpe));
            String what = ref + " " + r.name() + (r.supplier() == null ? "" : "（" + r.supplier() + "）");
            if (r.confirmed()) {
                System.out.println("識別子を確認しました / identifier confirmed: " + what
                        + (r.purl() == null ? "" : "  purl " + r.purl()) + (r.cpe() == null ? "" : "  CPE " + r.cpe()));
            } else {
                System.out.println("推定した識別子を却下しました（この行は照合しません） / suggested identifier rejected (the row is not matched): " + what);
            }
            System.out.println("同じサプライヤ・名称の行に適用し、資産 " + r.assets().size() + " 件を再照合しました / applied to the rows of the same supplier and name; "
                    + r.assets().size() + " asset(s) matched again");
            FindingRecorder.Result f = r.findings();
            System.out.println("検出 / findings: 新規 " + f.detected() + "、再発 " + f.reopened() + "、更新 " + f.updated() + "、解消 " + f.closed());
            return ExitCode.OK;
        }
    }

    @Command(name = "decisions", mixinStandardHelpOptions = true,
            description = {"この団体の識別子の判断（confirm-id で確認・訂正・却下したもの、新しい順）",
                    "the organisation's identifier decisions (confirmed, corrected or rejected with confirm-id), latest first"})
    static class Decisions extends OrganizationReport<List<jp.mamori.inventory.IdentifierConfirmationStore.Listed>> {
        @Override
        List<jp.mamori.inventory.IdentifierConfirmationStore.Listed> read(Mamori m, Organization o) {
            return m.identifierConfirmations().list(o.id());
        }

        @Override
        void print(Mamori m, Organization o, List<jp.mamori.inventory.IdentifierConfirmationStore.Listed> decisions) {
            if (decisions.isEmpty()) {
                System.out.println("識別子の判断はまだありません / no identifier decisions yet");
                return;
            }
            TextTable t = new TextTable("判断", "サプライヤ", "名称", "識別子", "推定していた識別子", "判断者", "日時");
            decisions.forEach(d -> t.row(d.confirmed() ? "確認" : "却下", d.supplierKey(), d.nameKey(), identifiers(d.purl(), d.cpe()),
                    identifiers(d.suggestedPurl(), d.suggestedCpe()), d.decidedBy(), jp.mamori.app.TokyoTime.table(d.decidedAt())));
            System.out.print(t);
        }

        private static String identifiers(String purl, String cpe) {
            if (purl == null && cpe == null) return "-";
            return purl == null ? cpe : cpe == null ? purl : purl + " " + cpe;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "資産のSBOM履歴 / SBOM history of an asset")
    static class ListSboms extends OrganizationReport<List<StoredSbom>> {
        @Option(names = "--asset", required = true) String assetCode;

        @Override
        List<StoredSbom> read(Mamori m, Organization o) {
            return m.sboms().history(o.id(), m.inventory().assets().require(o.id(), assetCode).id());
        }

        @Override
        void print(Mamori m, Organization o, List<StoredSbom> history) {
            TextTable t = new TextTable("ID", "登録日時", "形式", "版", "ファイル", "コンポーネント数", "注意", "現行");
            history.forEach(s -> t.row(s.id(), jp.mamori.app.TokyoTime.table(s.uploadedAt()), s.format() + " " + s.specVersion(), s.assetVersion(), s.fileName(),
                    s.componentCount(), s.warningCount() == 0 ? "" : s.warningCount(), s.current() ? "○" : ""));
            System.out.print(t);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "SBOMの範囲（記載項目）を確認します / check an SBOM's scope against a tier")
    static class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--tier", description = "minimal | standard | full (default: standard)") String tier;
        @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;
        @Option(names = "--strict", description = "スキーマ違反が1件でもあれば不合格 / refuse the SBOM for any schema problem") boolean strict;

        @Override
        public Integer call() {
            SbomDocument doc = read(file, CpeSuggester.NONE, strict ? Strictness.STRICT : Strictness.LENIENT);
            Tier required = tier == null ? Tier.STANDARD : parseTier(tier);
            ScopeReport r = SbomScopeCheck.check(doc, required);
            if (format == OutputFormat.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", file.getFileName().toString());
                out.put("format", doc.format());
                out.put("specVersion", doc.specVersion());
                out.put("components", doc.components().size());
                out.put("required", required.name().toLowerCase(Locale.ROOT));
                out.put("achieved", r.achieved().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(null));
                out.put("meetsRequired", r.meetsRequired());
                out.put("warningCount", doc.warnings().size());
                out.put("warnings", doc.warnings());
                out.put("criteria", r.criteria().stream().map(c -> Map.of("tier", c.tier().name().toLowerCase(Locale.ROOT),
                        "criterion", c.criterion().name().toLowerCase(Locale.ROOT), "met", c.met(), "satisfied", c.satisfied(),
                        "total", c.total(), "missingExamples", c.missingExamples(), "summaryJa", c.summaryJa(), "summaryEn", c.summaryEn())).toList());
                System.out.println(Json.pretty(out));
            } else {
                System.out.println(file.getFileName() + ": " + doc.format() + " " + doc.specVersion() + "、コンポーネント " + doc.components().size() + " 件");
                printWarnings(doc.warnings());
                System.out.println("必要な範囲 / required: " + required + "   達成 / achieved: " + r.achieved().map(Tier::name).orElse("なし / none")
                        + (r.meetsRequired() ? "  → 充足 / met" : "  → 不足 / not met"));
                TextTable t = new TextTable("段階", "項目", "結果", "状況", "不足の例");
                for (CriterionResult c : r.criteria()) {
                    t.row(c.tier(), c.criterion().predicateJa(), c.met() ? "○" : "×", c.summaryJa(), String.join(", ", c.missingExamples()));
                }
                System.out.print(t);
            }
            return ExitCode.OK;
        }
    }

    static Tier parseTier(String s) {
        try {
            return Tier.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tier must be minimal, standard or full: '" + s + "'");
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"2つのSBOMの差分 / compare two SBOMs:", "  sbom diff OLD_FILE NEW_FILE, or sbom diff --asset CODE (the two newest SBOMs of the asset)"})
    static class Diff implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--asset") String assetCode;
        @Parameters(arity = "0..2", paramLabel = "FILE") List<Path> files;
        @Option(names = "--format", defaultValue = "table") OutputFormat format;

        @Override
        public Integer call() {
            SbomDocument older;
            SbomDocument newer;
            if (files != null && files.size() == 2) {
                older = read(files.get(0));
                newer = read(files.get(1));
            } else if (assetCode != null) {
                try (Mamori m = db.mamori()) {
                    Database d = m.database();
                    InventoryRepository repo = m.inventory();
                    Organization o = org.resolve(repo);
                    Asset asset = repo.assets().require(o.id(), assetCode);
                    SbomStore store = m.sboms();
                    var history = store.history(o.id(), asset.id());
                    if (history.size() < 2) throw new BadInputException("資産 " + assetCode + " のSBOMが2件未満です / fewer than two SBOMs for this asset");
                    newer = store.load(o.id(), history.get(0).id());
                    older = store.load(o.id(), history.get(1).id());
                }
            } else {
                throw new BadInputException("give two files, or --asset CODE");
            }
            SbomDiff.Result r = SbomDiff.diff(older, newer);
            if (format == OutputFormat.json) {
                System.out.println(Json.pretty(r));
                return ExitCode.OK;
            }
            System.out.println("追加 " + r.added().size() + " / 削除 " + r.removed().size() + " / 変更 " + r.changed().size()
                    + "  (added, removed, changed)");
            TextTable t = new TextTable("区分", "コンポーネント", "旧版", "新版");
            r.added().forEach(c -> t.row("追加", c.displayName(), "-", c.version()));
            r.removed().forEach(c -> t.row("削除", c.displayName(), c.version(), "-"));
            r.changed().forEach(c -> t.row(c.versionChanged() ? "版の変更" : "ハッシュの変更", c.after().displayName(), c.before().version(), c.after().version()));
            System.out.print(t);
            return ExitCode.OK;
        }
    }
}
