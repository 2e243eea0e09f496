package jp.mamori.cli;

import jp.mamori.app.Mamori;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Mixin;

/**
 * A command that acts inside one organisation: {@code --org} declared once here, beside the
 * database options and the check-before-connecting of {@link InstanceCommand}. Subcommands only parse, call a use case and print.
 */
abstract class OrganizationCommand extends InstanceCommand {

    @Mixin OrgOption org = new OrgOption();

    @Override
    final Integer run(Mamori m) throws Exception {
        return run(m, org.resolve(m.inventory()));
    }

    abstract Integer run(Mamori m, Organization o) throws Exception;
}
