package jp.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * {@code ./mamori} run in this JVM (the same entry point as the script) against one data directory,
 * with what it prints to stdout and stderr captured — for tests that read the CLI's output as a user would.
 */
final class InProcessCli {

    record Run(int rc, String out, String err) { }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path data;

    InProcessCli(Path data) {
        this.data = data;
    }

    /** The arguments as given (no {@code --data} added). */
    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = MamoriMain.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** The arguments with {@code --data} of this directory. */
    Run onData(String... args) {
        return run(Stream.concat(Arrays.stream(args), Stream.of("--data", data.toString())).toArray(String[]::new));
    }

    /** {@code --format json} on this directory; must succeed. */
    JsonNode json(String... args) throws IOException {
        Run r = onData(Stream.concat(Arrays.stream(args), Stream.of("--format", "json")).toArray(String[]::new));
        assertThat(r.rc()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    /** The table or text a person reads; must succeed. */
    String table(String... args) {
        Run r = onData(args);
        assertThat(r.rc()).as(r.err()).isZero();
        return r.out();
    }
}
