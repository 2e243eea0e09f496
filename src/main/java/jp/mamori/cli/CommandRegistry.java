package jp.mamori.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * Registers the capability commands; each capability adds its own here as it arrives. Picocli
 * reflects over every registered command when the command line is built, which costs a third of
 * a second on a cold start; a run that names its command registers only that one (see
 * {@link MamoriMain#run}).
 */
final class CommandRegistry {
    private CommandRegistry() { }

    /** Every capability command, in the order {@code mamori --help} lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            OrgCommand.class,
            SystemCommand.class,
            AssetCommand.class,
            SbomCommand.class,
            InventoryCommand.class,
            FeedsCommand.class,
            VulnCommand.class,
            ScanCommand.class,
            CvssCommand.class,
            DemoCommand.class,
            UserCommand.class,
            AuditCommand.class,
            FindingsCommand.class,
            MitigationCommand.class,
            ExportCommand.class,
            RemediationCommand.class,
            NotifyCommand.class,
            JobsCommand.class,
            PrefectureCommand.class,
            VendorCommand.class,
            ContractCommand.class,
            PartnerCommand.class,
            RolesCommand.class,
            ReadinessCommand.class,
            LogsCommand.class,
            DetectionsCommand.class,
            IncidentsCommand.class,
            DetectionCommand.class
    );

    static void registerAll(CommandLine cli) {
        for (Class<?> c : COMMANDS) cli.addSubcommand(c);
    }

    /**
     * Registers only the command named {@code name} (by its name or an alias); false, registering
     * nothing, when no command has that name.
     */
    static boolean registerOnly(CommandLine cli, String name) {
        for (Class<?> c : COMMANDS) {
            CommandLine.Command a = c.getAnnotation(CommandLine.Command.class);
            if (a == null) continue;
            if (a.name().equals(name) || List.of(a.aliases()).contains(name)) {
                cli.addSubcommand(c);
                return true;
            }
        }
        return false;
    }
}
