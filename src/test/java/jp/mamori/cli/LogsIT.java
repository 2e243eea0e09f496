package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logs import} and friends on the packaged jar: exit codes and messages of SPEC §5. */
class LogsIT {

    @Test
    void badLogsExitTwoNamingTheFileAndImportNothing(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        assertThat(CliProcess.run("org", "create", "--data", data, "--code", "999999", "--name", "守里市").exitCode()).isZero();
        Path png = dir.resolve("screenshot.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        Result r = CliProcess.run("logs", "import", "--data", data, png.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains("screenshot.png");
        Result bad = CliProcess.run("logs", "import", "--data", data, "--source", "syslogd", png.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.stderr()).contains("unknown log source 'syslogd'");
        Path squid = dir.resolve("access.log");
        Files.writeString(squid, "1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 POST http://www.example.org/ - DIRECT/175.16.199.61 text/html\nbroken line\n");
        Result ok = CliProcess.run("logs", "import", "--data", data, squid.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.stdout()).contains("[squid]").contains("送信量は記録されていません").contains("2 行目 / line 2");
        Result json = CliProcess.run("detections", "list", "--format", "json", "--data", data);
        assertThat(json.exitCode()).isZero();
        assertThat(json.stdout().strip()).isEqualTo("[ ]");
    }
}
