package jp.mamori.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.mamori.triage.cvss.CvssCalculator;
import jp.mamori.triage.cvss.CvssResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori cvss VECTOR... | -}: scores v2, v3.0, v3.1 and v4.0 vectors (SPEC §5). */
@Command(name = "cvss", mixinStandardHelpOptions = true,
        description = {"CVSSベクトルのスコアと深刻度（IPA/JVNの区分）を計算します。`-` で標準入力から1行1ベクトル。",
                "Scores CVSS vectors (v2, v3.0, v3.1, v4.0 incl. threat/environmental); `-` reads one per line from stdin. Exit 2 if any is invalid."})
public class CvssCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "VECTOR") List<String> vectors;
    @Option(names = "--format", defaultValue = "text", description = "text | json (one JSON object per line)") String format;

    @Override
    public Integer call() throws IOException {
        boolean json = "json".equalsIgnoreCase(format);
        if (!json && !"text".equalsIgnoreCase(format)) throw new BadInputException("--format must be text or json");
        List<String> all = new ArrayList<>();
        for (String v : vectors) {
            if ("-".equals(v)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) all.add(line.trim());
                }
            } else {
                all.add(v);
            }
        }
        CvssCalculator calc = new CvssCalculator();
        boolean invalid = false;
        StringBuilder out = new StringBuilder();
        for (String v : all) {
            CvssResult r = calc.score(v);
            invalid |= r.error() != null;
            if (json) {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("vector", v);
                if (r.error() != null) {
                    n.put("error", r.error());
                } else {
                    n.put("version", r.version());
                    n.put("baseScore", r.baseScore());
                    n.put("severity", r.severity());
                    n.put("severityJa", r.severityJa());
                }
                out.append(n).append('\n');
            } else if (r.error() != null) {
                out.append("エラー / invalid  ").append(v).append("  ").append(r.error()).append('\n');
            } else {
                out.append(String.format(java.util.Locale.ROOT, "%4.1f  %s %-8s  v%s  %s%n", r.baseScore(), r.severityJa(), r.severity(), r.version(), v));
            }
        }
        System.out.print(out);
        return invalid ? ExitCode.BAD_INPUT : ExitCode.OK;
    }
}
