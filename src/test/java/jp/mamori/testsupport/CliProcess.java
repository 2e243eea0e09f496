package jp.mamori.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code target/mamori.jar} as a user would (integration tests run after
 * {@code package}), with its own environment, and captures exit code and output.
 */
public final class CliProcess {

    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private CliProcess() { }

    public static Path jar() {
        Path jar = Path.of("target", "mamori.jar").toAbsolutePath();
        if (!Files.exists(jar)) throw new IllegalStateException("run `./mvnw package` first: " + jar + " is missing");
        return jar;
    }

    public static Result run(Map<String, String> env, String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("MAMORI_DB_URL");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread to = pump(p.getInputStream(), out);
            Thread te = pump(p.getErrorStream(), err);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("mamori " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            to.join();
            te.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Result run(String... args) {
        return run(Map.of(), null, args);
    }

    public static Process start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx1g", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("MAMORI_DB_URL");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }
}
