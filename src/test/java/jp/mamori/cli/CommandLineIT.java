package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import jp.mamori.testsupport.CliProcess;
import jp.mamori.testsupport.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of SPEC §5, on the packaged jar. */
class CommandLineIT {

    @Test
    void helpListsTheCommands() {
        Result r = CliProcess.run("--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("serve").contains("MAMORI_DB_URL").contains("--version");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Result r = CliProcess.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).containsPattern("Mamori \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        Result r = CliProcess.run("serve", "--no-such-option");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.stderr()).contains("--no-such-option");
    }

    @Test
    void anUnreachableDatabaseExitsWithThreeAndSaysWhy(@TempDir Path dir) {
        Result r = CliProcess.run(Map.of("MAMORI_DB_URL", "jdbc:postgresql://127.0.0.1:1/mamori", "MAMORI_DB_USER", "x"),
                null, "serve", "--port", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.stderr()).contains("cannot connect to the database").contains("127.0.0.1:1");
    }
}
