import ArgumentParser
import Foundation

/// `mentalize serve`: checks the data, migrates, optionally seeds demo data, then serves HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app and API over HTTP (migrates the database first)."
    )

    @Option(name: .customLong("host"), help: "Address to listen on (default 127.0.0.1, or MENTALIZE_HOST).")
    var host: String?

    @Option(name: .customLong("port"), help: "Port to listen on (default 8080, or MENTALIZE_PORT).")
    var port: Int?

    @OptionGroup var storage: StorageOptions

    @Flag(name: .customLong("demo"), help: "Seed synthetic demo data once and print the demo sign-in accounts.")
    var demo = false

    func run() async throws {
        try await runReportingErrors {
            let configuration = try ConfigurationResolver().resolve(host: host, port: port, dataDirectory: storage.dataDirectory, databaseURL: storage.databaseURL)
            LoggingSetup.bootstrap(levelName: configuration.logLevel)
            let (app, report) = try await AppBootstrap.makeApplication(
                configuration,
                environment: AppRunner.productionEnvironment,
                options: .init(migrate: true, seedDemo: demo)
            )
            BackgroundJobs.start(on: app, tick: configuration.jobTickSeconds)
            StartupBanner(configuration: configuration, report: report, demo: demo).print()
            try await AppRunner.serve(app, host: configuration.host, port: configuration.port)
        }
    }
}
