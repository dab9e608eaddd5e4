public import ArgumentParser

/// The `mentalize` command: every subcommand with a one-line description in `--help`.
public struct MentalizeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mentalize",
        abstract: "Runs Mentalize, a platform for Mentalization-Based Treatment programmes.",
        subcommands: [SetupCommand.self, ServeCommand.self, MigrateCommand.self, DemoCommand.self, UserCommand.self, AuditCommand.self, InstrumentsCommand.self, FidelityCommand.self, AnalyzeCommand.self, BackupCommand.self, RestoreCommand.self, RoutesCommand.self, WebhookKeyCommand.self]
    )

    public init() {}
}

extension MentalizeCommand {
    /// Parses the process's arguments and runs the chosen subcommand (the executable's entry point).
    public static func runFromCommandLine() async {
        await main()
    }
}
