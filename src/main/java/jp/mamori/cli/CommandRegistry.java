package jp.mamori.cli;

import picocli.CommandLine;

/** Registers the capability commands; each capability adds its own here as it arrives. */
final class CommandRegistry {
    private CommandRegistry() { }

    static void registerAll(CommandLine cli) {
        cli.addSubcommand(new OrgCommand());
        cli.addSubcommand(new SystemCommand());
        cli.addSubcommand(new AssetCommand());
        cli.addSubcommand(new SbomCommand());
        cli.addSubcommand(new InventoryCommand());
        cli.addSubcommand(new FeedsCommand());
        cli.addSubcommand(new VulnCommand());
        cli.addSubcommand(new ScanCommand());
        cli.addSubcommand(new CvssCommand());
        cli.addSubcommand(new DemoCommand());
        cli.addSubcommand(new BenchCommand());
        cli.addSubcommand(new UserCommand());
        cli.addSubcommand(new AuditCommand());
        cli.addSubcommand(new FindingsCommand());
        cli.addSubcommand(new MitigationCommand());
        cli.addSubcommand(new ExportCommand());
        cli.addSubcommand(new RemediationCommand());
        cli.addSubcommand(new NotifyCommand());
        cli.addSubcommand(new JobsCommand());
        cli.addSubcommand(new PrefectureCommand());
        cli.addSubcommand(new VendorCommand());
        cli.addSubcommand(new ContractCommand());
        cli.addSubcommand(new PartnerCommand());
        cli.addSubcommand(new RolesCommand());
        cli.addSubcommand(new ReadinessCommand());
        cli.addSubcommand(new LogsCommand());
        cli.addSubcommand(new DetectionsCommand());
        cli.addSubcommand(new IncidentsCommand());
        cli.addSubcommand(new DetectionCommand());
    }
}
