package jp.mamori.cli;

import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Option;

/**
 * A command that shows something of one organisation: read once, then printed for a person (a table
 * or text) or as JSON for a script, so both always show the same rows.
 */
abstract class OrganizationReport<T> extends OrganizationCommand {

    @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

    @Override
    final Integer run(Mamori m, Organization o) {
        T shown = read(m, o);
        write(shown);
        return format.show(json(shown), () -> print(m, o, shown));
    }

    /** Reads what is shown, and only reads: no file is written here. */
    abstract T read(Mamori m, Organization o);

    /** Files the command writes from what it read (an {@code --xlsx}), before the output; none unless a command asks. */
    void write(T shown) { }

    /** What the JSON output holds; the read value itself unless a command shapes it. */
    Object json(T shown) {
        return shown;
    }

    abstract void print(Mamori m, Organization o, T shown);
}
