package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import jp.mamori.inventory.Organization;
import jp.mamori.remediation.FindingQuery;
import jp.mamori.remediation.FindingState;
import jp.mamori.remediation.export.FindingExporter;
import jp.mamori.remediation.export.VexExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori export findings|vex}: files for Excel users and for VEX consumers. */
@Command(name = "export", mixinStandardHelpOptions = true, description = {"検出・対応判断の出力", "Export findings (Excel, CSV) and decisions (VEX)."},
        subcommands = {ExportCommand.Findings.class, ExportCommand.Vex.class})
public class ExportCommand {

    enum TableFormat { xlsx, csv }

    enum VexFormat { cyclonedx, openvex }

    @Command(name = "findings", mixinStandardHelpOptions = true,
            description = "検出・対応判断・回避策を Excel (.xlsx) または CSV に出力 / findings, decisions and mitigations to .xlsx or CSV")
    static class Findings extends OrganizationCommand {
        @Option(names = "--format", required = true, description = "xlsx | csv") TableFormat format;
        @Option(names = "--state", split = ",", paramLabel = "S", description = "状態で絞り込み / only these states") List<String> states;
        @Option(names = "--lang", defaultValue = "ja", description = "ja | en: 検出シートの見出し・説明・期限の根拠の言語 / language of the findings sheet's headers, explanation and deadline basis")
        String lang;
        @Parameters(paramLabel = "FILE") Path file;

        private List<FindingState> st;

        @Override
        void check() {
            st = states == null ? null : states.stream().map(FindingsCommand::state).toList();
        }

        @Override
        Integer run(Mamori m, Organization o) throws IOException {
            FindingExporter exporter = m.findingExporter();
            FindingQuery.Filter filter = new FindingQuery.Filter(st, null, null, null, null, null, null, null);
            boolean english = switch (lang.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "ja" -> false;
                case "en" -> true;
                default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--lang は ja か en です / --lang must be ja or en: " + lang);
            };
            int n = write(file, out -> format == TableFormat.xlsx ? exporter.writeXlsx(o.id(), filter, out, english)
                    : exporter.writeCsv(o.id(), filter, out, english));
            System.out.println(file + " に検出 " + n + " 件を出力しました / wrote " + n + " findings to " + file);
            return ExitCode.OK;
        }
    }

    @Command(name = "vex", mixinStandardHelpOptions = true,
            description = "資産の対応判断を VEX (CycloneDX / OpenVEX) で出力 / the organisation's decisions on one asset as VEX")
    static class Vex extends OrganizationCommand {
        @Option(names = "--asset", required = true, paramLabel = "CODE", description = "資産コード / asset code") String asset;
        @Option(names = "--format", required = true, description = "cyclonedx | openvex") VexFormat format;
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        Integer run(Mamori m, Organization o) throws IOException {
            RemediationContext ctx = new RemediationContext(m);
            VexExporter exporter = m.vexExporter();
            VexExporter.Document doc = RemediationContext.guard(() -> format == VexFormat.openvex
                    ? exporter.openVex(o.id(), asset) : exporter.cycloneDx(o.id(), asset));
            write(file, out -> {
                out.write(doc.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return doc.statements();
            });
            System.out.println(file + " に " + doc.statements() + " 件の VEX ステートメントを出力しました / wrote " + doc.statements()
                    + " VEX statement(s) (" + format + ") to " + file);
            return ExitCode.OK;
        }
    }

    private interface Body {
        int write(OutputStream out) throws IOException;
    }

    /** Writes next to the target and moves into place, so a failed export never leaves half a file. */
    private static int write(Path file, Body body) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new BadInputException("出力先のフォルダがありません / no such directory: " + dir);
        Path tmp = Files.createTempFile(dir, ".mamori-export-", ".tmp");
        try {
            int n;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                n = body.write(out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
