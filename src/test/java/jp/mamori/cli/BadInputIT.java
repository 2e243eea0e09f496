package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.junit.jupiter.api.Test;

/** Bad input on commands that write: a clear message (exit 2) and nothing written. */
class BadInputIT {

    @Test
    void aLedgerWithABadRowIsRefusedWholeAndNothingIsWritten() throws Exception {
        Path data = Files.createTempDirectory("mamori-bad-");
        Path ledger = Files.createTempFile("daicho", ".csv");
        Files.writeString(ledger, """
                団体コード,団体名,システムコード,システム名,ネットワーク,機密性,完全性,可用性,資産コード,資産名,種別,公開範囲
                131016,試験区,telework,テレワーク,internet,3B,2,2,vpn-01,VPN,network-appliance,open
                131016,試験区,telework,テレワーク,internet,3B,2,2,vdi-01,VDI,server,everywhere
                """);
        Result r = CliProcess.run("inventory", "import", "--data", data.toString(), ledger.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains(ledger.getFileName().toString()).contains("row 3").contains("everywhere");
        assertThat(CliProcess.run("org", "list", "--data", data.toString(), "--format", "json").stdout().trim()).isEqualTo("[ ]");
    }

    @Test
    void anUnknownSsvcInputOrFindingIsRefused() throws Exception {
        Path data = Files.createTempDirectory("mamori-bad-");
        assertThat(CliProcess.run("org", "create", "--data", data.toString(), "--code", "1", "--name", "x").exitCode()).isZero();
        Result input = CliProcess.run("findings", "override", "--data", data.toString(), "1", "--input", "danger", "--value", "high", "--reason", "r");
        assertThat(input.exitCode()).as(input.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(input.stderr()).contains("danger");
        Result missing = CliProcess.run("findings", "override", "--data", data.toString(), "999", "--input", "exploitation", "--value", "active",
                "--reason", "r");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.stderr()).contains("999");
    }

    @Test
    void aVexOptionThatIsNotAVexDocumentIsRefused() throws Exception {
        Path data = Files.createTempDirectory("mamori-bad-");
        Result r = CliProcess.run("scan", "--data", data.toString(), "--vex", "src/main/resources/demo/feeds/kev-demo.json",
                "src/main/resources/demo/sbom/juki-system.cdx.json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains("kev-demo.json").contains("not a VEX document");
    }
}
