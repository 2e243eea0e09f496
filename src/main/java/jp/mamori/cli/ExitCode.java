package jp.mamori.cli;

/** Exit codes of the command line contract (SPEC §5). */
public final class ExitCode {
    public static final int OK = 0;
    /** A --fail-on threshold was reached. */
    public static final int THRESHOLD = 1;
    /** Bad usage or bad input; the message names the file and the place in it. */
    public static final int BAD_INPUT = 2;
    /** Anything else: database unreachable, I/O failure, bug. */
    public static final int FAILURE = 3;

    private ExitCode() { }
}
