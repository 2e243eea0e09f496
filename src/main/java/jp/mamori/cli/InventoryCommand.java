package jp.mamori.cli;

import jp.mamori.app.Mamori;
import jp.mamori.app.inventory.ImportLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import jp.mamori.remediation.InventoryAssessment;
import jp.mamori.inventory.Asset;
import jp.mamori.inventory.InventoryException;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.inventory.ledger.Ledger;
import jp.mamori.inventory.ledger.LedgerFormatException;
import jp.mamori.inventory.ledger.LedgerImporter;
import jp.mamori.inventory.ledger.LedgerReader;
import jp.mamori.inventory.ledger.LedgerWriter;
import jp.mamori.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori inventory import|export}: the asset ledger (資産管理台帳) in one command. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = {"資産管理台帳の一括取込・書き出し", "Bulk import and export of the asset ledger."},
        subcommands = {InventoryCommand.Import.class, InventoryCommand.Export.class})
public class InventoryCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"台帳（YAML、またはCSV/Excelの1行1資産）から団体・情報システム・資産を登録・更新します。",
                    "Creates or updates the organisation, its systems and assets from a YAML ledger or a CSV/.xlsx table."})
    static class Import implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        public Integer call() {
            try (Mamori m = db.mamori()) {
                ImportLedger.Result r = m.importLedger().run(CliActor.of(null), file);
                var c = r.changes();
                System.out.println("台帳を取り込みました / ledger imported: " + r.organization().name() + (c.organizationCreated() ? "（新規）" : "")
                        + "  情報システム 新規 " + c.systemsCreated() + "・更新 " + c.systemsUpdated()
                        + "  資産 新規 " + c.assetsCreated() + "・更新 " + c.assetsUpdated());
                return ExitCode.OK;
            } catch (InventoryException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "台帳を書き出します / export the ledger")
    static class Export implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--format", defaultValue = "yaml", description = "yaml | csv") String format;
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        public Integer call() throws IOException {
            try (Mamori m = db.mamori()) {
                Database d = m.database();
                InventoryRepository repo = m.inventory();
                Organization o = org.resolve(repo);
                String text = switch (format.toLowerCase(java.util.Locale.ROOT)) {
                    case "yaml", "yml" -> LedgerWriter.yaml(repo, o);
                    case "csv" -> LedgerWriter.csv(repo, o);
                    default -> throw new BadInputException("--format must be yaml or csv");
                };
                Files.writeString(file, text, StandardCharsets.UTF_8);
                System.out.println("台帳を書き出しました / ledger written: " + file);
                return ExitCode.OK;
            }
        }
    }
}
