package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jp.mamori.detection.logs.LogFormats;
import jp.mamori.detection.logs.LogSource;
import org.junit.jupiter.api.Test;

/**
 * The list of log formats a user is shown comes from one place: {@link LogSource#KEYS} names every
 * format the parsers read, in their order, and each command that takes {@code --source} (import,
 * listen, publish) prints all of them in its help, as do the refusal of an unknown format and the
 * "cannot tell the format" error. {@code logs stream} takes no format (each record's key names it):
 * its help names the broker, the topic and that key, and it refuses to start without a broker or topic.
 */
class LogSourceHelpTest {

    @Test
    void theFormatListNamesEveryFormatAndEveryCommandPrintsIt() {
        String keys = Arrays.stream(LogSource.values()).map(LogSource::key).collect(Collectors.joining(" | "));
        assertThat(LogSource.KEYS).isEqualTo(keys);
        for (String command : List.of("import", "listen", "publish")) {
            InProcessCli.Run help = InProcessCli.run("logs", command, "--help");
            assertThat(help.rc()).as(command).isZero();
            String flat = help.out().replaceAll("\\s+", " ");
            for (LogSource s : LogSource.values()) assertThat(flat).as("logs " + command + " --help names " + s.key()).contains(s.key());
            assertThat(flat).as(command).contains("pulse | fortigate | globalprotect");
        }
        InProcessCli.Run logs = InProcessCli.run("logs", "--help");
        assertThat(logs.rc()).isZero();
        assertThat(logs.out()).contains("import", "listen", "stream", "publish");
        InProcessCli.Run stream = InProcessCli.run("logs", "stream", "--help");
        assertThat(stream.rc()).isZero();
        assertThat(stream.out().replaceAll("\\s+", " ")).contains("--bootstrap=HOST:PORT", "--topic=T", "ORG|ASSET|SOURCE[|NAME]",
                "--application-id=ID", "default: mamori-detection", "--threads=N", "--state-dir=DIR", "Kafka Streams");
        InProcessCli.Run noBroker = InProcessCli.run("logs", "stream", "--topic", "gateway-logs");
        assertThat(noBroker.rc()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noBroker.err()).contains("--bootstrap");
        assertThatThrownBy(() -> LogSource.fromKey("syslog")).hasMessageContaining(LogSource.KEYS);
        assertThatThrownBy(() -> LogFormats.detect(List.of("hello", "world"))).hasMessageContaining(LogSource.KEYS);
    }
}
