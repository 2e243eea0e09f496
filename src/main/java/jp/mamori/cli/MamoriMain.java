package jp.mamori.cli;

import java.io.PrintWriter;
import jp.mamori.advisory.FeedFormatException;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.persistence.DatabaseUnavailableException;
import picocli.CommandLine;

/** Entry point of the executable jar and of {@code ./mamori}. */
public final class MamoriMain {

    private MamoriMain() { }

    public static void main(String[] args) {
        ProcessStdout.install();
        int code = run(args);
        System.out.flush();
        // serve keeps running on its non-daemon threads; every other command ends here.
        if (code != ExitCode.OK || !ServeCommand.isServing()) {
            System.exit(code);
        }
    }

    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("bench")) {
            // The benchmark is not in the product jar (ADR 0019).
            System.err.println("エラー / error: ベンチマークは製品に含まれません。ソースツリーで ./mamori bench を実行してください / "
                    + "the benchmark is not part of the product jar: run ./mamori bench in the source tree");
            return ExitCode.BAD_INPUT;
        }
        return commandLine(args.length == 0 ? null : args[0]).execute(args);
    }

    /** Every command (for help listings and tests). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for a run whose first argument is {@code first}: when it names a command,
     * only that command is registered (a cold start does not reflect over the other thirty), and
     * {@code --version} needs none;
     * anything else (an option, help, a typo that needs suggestions) gets every command.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new MamoriCommand());
        boolean one = first != null && !first.startsWith("-") && !first.equals("help");
        if ("--version".equals(first) || "-V".equals(first)) {
            // prints the version only: no command needed
        } else if (one && first.equals("serve")) {
            cli.addSubcommand(new ServeCommand());
        } else if (!one || !CommandRegistry.registerOnly(cli, first)) {
            cli.addSubcommand(new ServeCommand());
            CommandRegistry.registerAll(cli);
        }
        configure(cli);
        return cli;
    }

    private static void configure(CommandLine cli) {
        cli.setParameterExceptionHandler(MamoriMain::onBadUsage);
        cli.setExecutionExceptionHandler(MamoriMain::onFailure);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("エラー / error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("使い方 / usage: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        return ExitCode.BAD_INPUT;
    }

    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        return report(e, cli.getErr());
    }

    /** What the user reads for an exception that ended a command, and the exit code. */
    static int report(Throwable e, PrintWriter err) {
        java.util.Optional<String> full = jp.mamori.persistence.StorageFull.describe(e);
        if (full.isPresent()) {
            // a full disk is not bad input, and the raw database message helps nobody (issue 18.10)
            err.println("エラー / error: " + full.get());
            err.flush();
            return ExitCode.FAILURE;
        }
        Throwable t = e;
        if (t instanceof jp.mamori.persistence.Database.TransactionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof jp.mamori.partners.PartnersException pe) {
            if (pe.problems().size() <= 1) {
                err.println("エラー / error: " + pe.getMessage());
            } else {
                err.println("エラー / error: " + pe.problems().size() + " 件の問題があります。何も登録していません / "
                        + pe.problems().size() + " problems; nothing was stored: " + pe.getMessage().substring(0, pe.getMessage().indexOf(": ")));
                for (String p : pe.problems()) err.println("  - " + p);
            }
            return ExitCode.BAD_INPUT;
        }
        if (t instanceof BadInputException || t instanceof FeedFormatException || t instanceof SbomFormatException
                || t instanceof jp.mamori.app.InvalidInputException || t instanceof jp.mamori.remediation.WorkflowException
                || t instanceof jp.mamori.inventory.InventoryException) {
            err.println("エラー / error: " + t.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (t instanceof DatabaseUnavailableException) {
            err.println("エラー / error: " + t.getMessage());
            return ExitCode.FAILURE;
        }
        err.println("エラー / error: " + t);
        if (System.getenv("MAMORI_DEBUG") != null) {
            t.printStackTrace(err);
        }
        return ExitCode.FAILURE;
    }
}
