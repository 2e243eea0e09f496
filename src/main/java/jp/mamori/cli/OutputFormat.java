package jp.mamori.cli;

/** --format of list/show commands. */
public enum OutputFormat {
    table, json, text;

    /** JSON for a script, else what {@code print} writes for a person: one read, so both hold the same rows. */
    int show(Object asJson, Runnable print) {
        if (this == json) System.out.println(Json.pretty(asJson));
        else print.run();
        return ExitCode.OK;
    }
}
