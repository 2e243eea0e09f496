package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.junit.jupiter.api.Test;

/** {@code mamori demo --no-serve}: one command sets up the demo municipality and says what to patch first. */
class DemoIT {

    @Test
    void theDemoPutsTheTeleworkGatewayFirstAndIsRepeatable() throws Exception {
        Path data = Files.createTempDirectory("mamori-demo-");
        Result first = CliProcess.run("demo", "--no-serve", "--data", data.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("守里市").contains("直ちに対応(Act)");
        String firstRow = first.stdout().lines().filter(l -> l.startsWith("Act ")).findFirst().orElseThrow();
        assertThat(firstRow).contains("CVE-2023-4966").contains("テレワーク用VPN/VDIゲートウェイ").contains("13.1-49.15");

        Result second = CliProcess.run("demo", "--no-serve", "--data", data.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).contains("作成済み");
        assertThat(second.stdout().lines().filter(l -> l.startsWith("Act ")).count())
                .as("running the demo again adds nothing").isEqualTo(first.stdout().lines().filter(l -> l.startsWith("Act ")).count());

        Result assets = CliProcess.run("asset", "list", "--data", data.toString());
        assertThat(assets.stdout().lines().skip(2).findFirst().orElseThrow()).as("boundary devices first").contains("○");
        Result systems = CliProcess.run("system", "list", "--data", data.toString(), "--format", "json");
        assertThat(systems.stdout()).contains("テレワークシステム").contains("\"segment\" : \"internet\"");
    }
}
