package jp.mamori.cli;

import jp.mamori.app.Mamori;
import picocli.CommandLine.Option;

/** A command that shows something of the whole instance: read once, then a table or JSON of the same rows ({@link OutputFormat#show}). */
abstract class InstanceReport<T> extends InstanceCommand {

    @Option(names = "--format", defaultValue = "table", description = "table | json") OutputFormat format;

    @Override
    final Integer run(Mamori m) {
        T shown = read(m);
        return format.show(json(shown), () -> print(m, shown));
    }

    abstract T read(Mamori m);

    /** What the JSON output holds; the read value itself unless a command shapes it. */
    Object json(T shown) {
        return shown;
    }

    abstract void print(Mamori m, T shown);
}
