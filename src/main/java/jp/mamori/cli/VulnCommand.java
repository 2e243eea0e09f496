package jp.mamori.cli;

import jp.mamori.app.Mamori;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import jp.mamori.advisory.CvssScore;
import jp.mamori.advisory.store.KnowledgeBase;
import jp.mamori.advisory.store.VulnerabilityRecord;
import jp.mamori.persistence.Database;
import jp.mamori.triage.cvss.CvssCalculator;
import jp.mamori.triage.cvss.CvssResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori vuln show ID}: the merged record, every fact with its source. */
@Command(name = "vuln", mixinStandardHelpOptions = true, description = {"脆弱性情報の参照", "Vulnerability records."},
        subcommands = {VulnCommand.Show.class})
public class VulnCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "CVE・JVNDB・GHSA・OSVのIDまたは別名で検索 / show the merged record for an id or alias")
    static class Show implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--format", defaultValue = "text", description = "text | json") OutputFormat format;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                VulnerabilityRecord r = m.knowledgeBase().find(id)
                        .orElseThrow(() -> new BadInputException("脆弱性が見つかりません / not in the knowledge base: " + id));
                if (format == OutputFormat.json) {
                    ObjectNode n = Json.tree(r);
                    if (!n.has("kev")) n.putNull("kev");
                    if (!n.has("epss")) n.putNull("epss");
                    System.out.println(Json.pretty(n));
                } else {
                    System.out.print(text(r));
                }
                return ExitCode.OK;
            }
        }
    }

    /** JVN's Japanese text first, then the others as merged. */
    private static java.util.Map<String, String> readerFirst(java.util.Map<String, String> descriptions) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (descriptions.containsKey("ja")) out.put("ja", descriptions.get("ja"));
        descriptions.forEach(out::putIfAbsent);
        return out;
    }

    static String text(VulnerabilityRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.id());
        if (!r.aliases().isEmpty()) sb.append("  (").append(String.join(", ", r.aliases())).append(')');
        sb.append('\n');
        if (r.withdrawn()) sb.append("※ 取り下げ済み（Rejected） / withdrawn\n");
        sb.append("公開: ").append(jp.mamori.app.TokyoTime.seconds(r.published())).append("   更新: ").append(jp.mamori.app.TokyoTime.seconds(r.modified())).append('\n');
        readerFirst(r.descriptions()).forEach((lang, text) -> sb.append("概要[").append(lang).append("]: ").append(TextTable.sanitize(text)).append('\n'));
        sb.append("\nCVSS:\n");
        CvssCalculator calc = new CvssCalculator();
        TextTable t = new TextTable("出典", "種別", "版", "スコア", "深刻度", "ベクトル");
        for (CvssScore s : r.cvss()) {
            CvssResult c = calc.score(s.vector());
            Double score = c.baseScore() != null ? c.baseScore() : s.baseScore();
            t.row(s.source(), s.type(), s.version(), score, c.severityJa(), s.vector());
        }
        sb.append(t);
        if (!r.cwes().isEmpty()) sb.append("CWE: ").append(String.join(", ", r.cwes())).append('\n');
        if (r.kev() != null) {
            sb.append("\nCISA KEV: 追加 ").append(r.kev().dateAdded()).append("、期限 ").append(r.kev().dueDate())
                    .append("、ランサムウェア利用 ").append(jp.mamori.triage.EvidenceWords.ransomware(r.kev().ransomware())).append('\n')
                    .append("  必要な対応: ").append(jp.mamori.advisory.kev.KevActions.withOriginal(r.kev().requiredAction())).append('\n');
        } else {
            sb.append("\nCISA KEV: 掲載なし\n");
        }
        if (r.epss() != null) {
            sb.append(String.format("EPSS: %.4f（パーセンタイル %.4f、%s）%n", r.epss().score(), r.epss().percentile(), r.epss().scoreDate()));
        }
        sb.append("\n影響を受ける製品 / affected:\n");
        for (var c : r.affected().cpe()) {
            for (var n : c.configuration().nodes()) {
                for (var m : n.cpeMatch()) {
                    if (m.vulnerable()) sb.append("  [").append(c.source()).append("] ").append(m.describe()).append('\n');
                }
            }
        }
        for (var p : r.affected().packages()) {
            sb.append("  [").append(p.source()).append("] ").append(p.affected().ecosystem()).append(' ').append(p.affected().name());
            p.affected().ranges().forEach(rg -> sb.append(' ').append(rg.events().stream().map(e -> e.kind() + " " + e.version()).toList()));
            sb.append('\n');
        }
        for (var n : r.affected().cpeNames()) sb.append("  [").append(n.source()).append("] ").append(n.cpe()).append("（版の情報なし）\n");
        sb.append("\n情報源 / sources:\n");
        for (var s : r.sources()) sb.append("  ").append(s.source()).append(' ').append(s.documentId()).append(" 更新 ").append(jp.mamori.app.TokyoTime.seconds(s.modified()))
                .append(s.withdrawn() ? " (withdrawn)" : "").append('\n');
        return sb.toString();
    }
}
