package jp.mamori.cli;

import java.util.concurrent.Callable;
import jp.mamori.app.Mamori;
import picocli.CommandLine.Mixin;

/**
 * A command over the whole instance (accounts, organisations): {@code --data}/{@code --db} declared
 * once here, the input checked before any connection is opened, and the application opened and
 * closed around {@link #run}. {@link OrganizationCommand} narrows it to one organisation.
 */
abstract class InstanceCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db = new DatabaseOptions();

    @Override
    public final Integer call() throws Exception {
        check();
        try (Mamori m = db.mamori()) {
            return run(m);
        }
    }

    /** Parses and validates the arguments that need no database, so a typo never opens one. */
    void check() { }

    /** May throw what the work throws (a file it cannot write): the main loop reports it (exit 3). */
    abstract Integer run(Mamori m) throws Exception;
}
