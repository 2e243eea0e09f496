package jp.mamori.bench;

import picocli.CommandLine;

/**
 * Entry point of {@code target/mamori-bench.jar}: {@code ./mamori bench ...} runs
 * {@code java -cp target/app/mamori.jar:target/mamori-bench.jar:target/bench-lib/* jp.mamori.bench.BenchMain ...}.
 * The product jar knows nothing of the benchmark (ADR 0019).
 */
public final class BenchMain {
    private BenchMain() { }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println("エラー / error: " + e);
            if (System.getenv("MAMORI_DEBUG") != null) e.printStackTrace(c.getErr());
            return jp.mamori.cli.ExitCode.FAILURE;
        });
        System.exit(cli.execute(args));
    }
}
