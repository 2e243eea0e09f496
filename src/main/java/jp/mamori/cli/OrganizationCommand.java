package jp.mamori.cli;

import java.util.concurrent.Callable;
import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Mixin;

/**
 * A command that acts inside one organisation: {@code --data}/{@code --db} and {@code --org} are
 * declared once here, the input is checked before any connection is opened, and the application is
 * opened and closed around {@link #run}. Subcommands only parse, call a use case and print.
 */
abstract class OrganizationCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db = new DatabaseOptions();
    @Mixin OrgOption org = new OrgOption();

    @Override
    public final Integer call() {
        check();
        try (Mamori m = db.mamori()) {
            return run(m, org.resolve(m.inventory()));
        }
    }

    /** Parses and validates the arguments that need no database, so a typo never opens one. */
    void check() { }

    abstract Integer run(Mamori m, Organization o);
}
